import { defineBlock, selector } from '@flow/engine';
import { wildcardKind } from '@flow/kinds';
import { compileOperations, compileStatementGroup, operationsSchema, UndeclaredSymbolError, type OperationDefinition } from '@flow/query-language';
import { z } from 'zod';
import { casesDefinitionSchema, type CaseResult, type CasesDefinition } from './cases.js';

export interface ExpressionInputs {
  data: Record<string, unknown>;
  data_operations: Record<string, OperationDefinition[]>;
  switch: CasesDefinition;
}

const manifest = z.object({
  data: z.record(z.string(), selector([wildcardKind])).meta({ description: 'Variable name to the value it holds (a selector).' }),
  data_operations: z
    .record(z.string(), operationsSchema('Operations applied to the variable before the cases are tried.'))
    .default({})
    .meta({ description: 'Variable name to the operations that transform it before the cases are tried.' }),
  switch: casesDefinitionSchema,
});

function variable(variables: Record<string, unknown>, name: string, where: string): unknown {
  if (!Object.hasOwn(variables, name)) {
    throw new UndeclaredSymbolError({ message: `${where} names the variable \`${name}\`, which is not in data (variables: ${Object.keys(variables).join(', ') || 'none'})` });
  }
  return variables[name];
}

function buildResult(variables: Record<string, unknown>, result: CaseResult): { output: unknown } {
  if (result.type === 'StaticCaseResult') return { output: result.value };
  const selected = variable(variables, result.parameter_name, 'A DynamicCaseResult');
  if (!result.operations || result.operations.length === 0) return { output: selected };
  return { output: compileOperations(result.operations)(selected, variables) };
}

/** `roboflow_core/expression@v1` (alias `Expression`): a switch over query-language conditions. */
export const expressionV1 = defineBlock<ExpressionInputs, typeof manifest>({
  type: 'roboflow_core/expression@v1',
  aliases: ['Expression'],
  name: 'Expression',
  blockType: 'formatter',
  shortDescription: 'Creates specific output based on defined input variables and configured rules.',
  longDescription:
    'Transforms the data variables with data_operations, then tries the cases of switch in order: the first whose condition holds gives the output (a static value or a variable, optionally transformed); otherwise the default does.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'advanced', icon: 'fal fa-code', blockPriority: 1, inDevelopment: true } },
  manifest,
  outputs: { output: [wildcardKind] },
  run: ({ data, data_operations, switch: cases }) => {
    const variables: Record<string, unknown> = { ...data };
    for (const [name, operations] of Object.entries(data_operations)) {
      variables[name] = compileOperations(operations)(variable(variables, name, 'data_operations'), {});
    }
    for (const candidate of cases.cases) {
      if (compileStatementGroup(candidate.condition)(variables)) return buildResult(variables, candidate.result);
    }
    return buildResult(variables, cases.default);
  },
});
