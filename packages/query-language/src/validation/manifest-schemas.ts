import { z } from 'zod';
import { operationDefinitionSchema, operationTypes, statementGroupDefinitionSchema, type OperationDefinition, type StatementGroup } from '../schemas/definitions.js';
import { describeIssue } from './describe-issues.js';

function checkedWith<T>(strict: z.ZodType, description: string): z.ZodType<T> {
  return z
    .unknown()
    .superRefine((value, context) => {
      const result = strict.safeParse(value);
      if (result.success) return;
      for (const issue of result.error.issues) {
        context.addIssue({ code: 'custom', path: [...issue.path] as (string | number)[], message: describeIssue(issue, value, operationTypes) });
      }
    })
    .meta({ description }) as unknown as z.ZodType<T>;
}

/**
 * For block manifests: a list of operations in wire form. Validation messages name the operation at
 * fault (`operation NumberRound: decimal_digits: ...`); the value passes through as written, and
 * `compileOperations` turns it into a function (defaults filled in).
 */
export function operationsSchema(description = 'Query-language operations, applied in order.'): z.ZodType<OperationDefinition[]> {
  return checkedWith<OperationDefinition[]>(z.array(operationDefinitionSchema), `${description} Known operations: ${operationTypes.join(', ')}.`);
}

/** For block manifests: a `StatementGroup` in wire form, validated with messages naming the statement at fault. */
export function statementGroupSchema(description = 'A query-language StatementGroup.'): z.ZodType<StatementGroup> {
  return checkedWith<StatementGroup>(statementGroupDefinitionSchema, description);
}
