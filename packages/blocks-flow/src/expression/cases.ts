import { operationsSchema, statementGroupSchema, type OperationDefinition, type StatementGroup } from '@flow/query-language';
import { z } from 'zod';

export interface StaticCaseResult {
  type: 'StaticCaseResult';
  value: unknown;
}

export interface DynamicCaseResult {
  type: 'DynamicCaseResult';
  parameter_name: string;
  operations?: OperationDefinition[] | null;
}

export type CaseResult = StaticCaseResult | DynamicCaseResult;

export interface CasesDefinition {
  type: 'CasesDefinition';
  cases: Array<{ type: 'CaseDefinition'; condition: StatementGroup; result: CaseResult }>;
  default: CaseResult;
}

const caseResultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('StaticCaseResult'), value: z.unknown() }),
  z.object({ type: z.literal('DynamicCaseResult'), parameter_name: z.string(), operations: operationsSchema('Operations applied to the variable before it is output.').nullable().optional() }),
]);

/** The `switch` of `expression@v1` (reference `CasesDefinition`): cases tried in order, then a default. */
export const casesDefinitionSchema = z.object({
  type: z.literal('CasesDefinition'),
  cases: z.array(
    z.object({
      type: z.literal('CaseDefinition'),
      condition: statementGroupSchema('When this holds for the variables, the case result is output.'),
      result: caseResultSchema,
    }),
  ),
  default: caseResultSchema,
});
