import { isFlowControl, silentLogger, type BlockContext, type FlowControl } from '@flow/engine';
import { Detections } from '@flow/kinds';
import { EvaluationEngineError, UndeclaredSymbolError } from '@flow/query-language';
import { describe, expect, it, vi } from 'vitest';
import { continueIfV1 } from './continue-if/v1.js';
import { expressionV1, type ExpressionInputs } from './expression/v1.js';
import { firstNonEmptyOrDefaultV1 } from './first-non-empty-or-default/v1.js';
import { propertyDefinitionV1 } from './property-definition/v1.js';

const context: BlockContext = { signal: new AbortController().signal, logger: silentLogger, services: {}, usage: { record() {} }, step: { name: 'step', type: 'x' } };

const unaryCase = (operator: string, result: unknown) => ({
  type: 'CaseDefinition' as const,
  condition: { type: 'StatementGroup', statements: [{ type: 'UnaryStatement', operand: { type: 'DynamicOperand', operand_name: 'input_list' }, operator: { type: operator } }] },
  result,
});
const runExpression = (inputs: Omit<Partial<ExpressionInputs>, "switch"> & { switch: unknown }) =>
  expressionV1.run({ data: {}, data_operations: {}, ...inputs } as ExpressionInputs, context) as { output: unknown };

describe('expression@v1 (reference formatters/test_expression)', () => {
  it('gives the static default without data', () => {
    expect(runExpression({ switch: { type: 'CasesDefinition', cases: [], default: { type: 'StaticCaseResult', value: 'static-value' } } })).toEqual({ output: 'static-value' });
  });

  it('gives the default when no case matches', () => {
    const cases = { type: 'CasesDefinition', cases: [unaryCase('(Sequence) is empty', { type: 'StaticCaseResult', value: 'some' })], default: { type: 'StaticCaseResult', value: 'default' } };
    expect(runExpression({ data: { input_list: [1, 2] }, switch: cases })).toEqual({ output: 'default' });
  });

  it('gives the first matching case', () => {
    const cases = {
      type: 'CasesDefinition',
      cases: [
        unaryCase('(Sequence) is empty', { type: 'StaticCaseResult', value: 'not-matching' }),
        unaryCase('(Sequence) is not empty', { type: 'StaticCaseResult', value: 'first-matching' }),
        unaryCase('(Sequence) is not empty', { type: 'StaticCaseResult', value: 'second-matching' }),
      ],
      default: { type: 'StaticCaseResult', value: 'default' },
    };
    expect(runExpression({ data: { input_list: [1, 2] }, switch: cases })).toEqual({ output: 'first-matching' });
  });

  const dynamic = (operations?: unknown[]) => ({
    type: 'CasesDefinition',
    cases: [unaryCase('(Sequence) is not empty', { type: 'DynamicCaseResult', parameter_name: 'additional_param', operations })],
    default: { type: 'StaticCaseResult', value: 'default' },
  });

  it('applies data operations, then operations on the dynamic result', () => {
    const data_operations = { additional_param: [{ type: 'StringToUpperCase' }] } as never;
    expect(runExpression({ data: { input_list: [1, 2], additional_param: 'some' }, data_operations, switch: dynamic() })).toEqual({ output: 'SOME' });
    expect(runExpression({ data: { input_list: [1, 2], additional_param: 'some' }, data_operations, switch: dynamic([{ type: 'LookupTable', lookup_table: { SOME: 'MUTATED' } }]) })).toEqual({ output: 'MUTATED' });
  });

  it('fails with the query language error when a condition cannot be evaluated', () => {
    const cases = { type: 'CasesDefinition', cases: [unaryCase('(Sequence) is empty', { type: 'StaticCaseResult', value: 'some' })], default: { type: 'StaticCaseResult', value: 'default' } };
    expect(() => runExpression({ data: { input_list: 1 }, switch: cases })).toThrow(EvaluationEngineError);
  });

  it('names a variable missing from data (in data operations, in the result, in a condition)', () => {
    expect(() => runExpression({ data: { input_list: [1, 2] }, data_operations: { additional_param: [{ type: 'StringToUpperCase' }] } as never, switch: dynamic() })).toThrow(/data_operations names the variable `additional_param`/);
    expect(() => runExpression({ data: { input_list: [1, 2] }, switch: dynamic() })).toThrow(/A DynamicCaseResult names the variable `additional_param`/);
    expect(() => runExpression({ data: { additional_param: 'some' }, switch: dynamic() })).toThrow(UndeclaredSymbolError);
  });

  it('validates the switch at compile time with a message naming the statement', () => {
    const result = expressionV1.manifest.safeParse({ data: {}, switch: { type: 'CasesDefinition', cases: [unaryCase('(Sequence) is big', { type: 'StaticCaseResult', value: 1 })], default: { type: 'StaticCaseResult', value: 0 } } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/^operator \(Sequence\) is big: type: Invalid option/);
  });
});

describe('first_non_empty_or_default@v1 (reference formatters/test_first_non_empty_or_default)', () => {
  it.each([
    [[null, null, null], 'some'],
    [[null, 'non-empty', null], 'non-empty'],
    [[null, 'non-empty', 'another-non-empty'], 'non-empty'],
    [[0, 'x'], 0],
  ])('%j gives %j', (data, expected) => {
    expect(firstNonEmptyOrDefaultV1.run({ data, default: 'some' }, context)).toEqual({ output: expected });
  });

  it('needs at least one value and defaults the default to null', () => {
    expect(firstNonEmptyOrDefaultV1.manifest.safeParse({ data: [] }).success).toBe(false);
    expect(firstNonEmptyOrDefaultV1.manifest.parse({ data: ['$steps.a.b'] }).default).toBeNull();
  });
});

const moreThan = (threshold: number) => ({
  type: 'StatementGroup',
  statements: [
    { type: 'BinaryStatement', left_operand: { type: 'DynamicOperand', operand_name: 'count' }, comparator: { type: '(Number) >' }, right_operand: { type: 'StaticOperand', value: threshold } },
  ],
});

describe('continue_if@v1', () => {
  const decide = (inputs: Record<string, unknown>) => continueIfV1.run({ evaluation_parameters: {}, stop_delay: 0, ...inputs } as never, context) as FlowControl;

  it('continues with next_steps when the condition holds, stops otherwise', () => {
    const pass = decide({ condition_statement: moreThan(1), evaluation_parameters: { count: 2 }, next_steps: ['$steps.a', '$steps.b'] });
    expect(isFlowControl(pass)).toBe(true);
    expect(pass.next).toEqual(['$steps.a', '$steps.b']);
    expect(decide({ condition_statement: moreThan(1), evaluation_parameters: { count: 1 }, next_steps: ['$steps.a'] }).next).toEqual([]);
  });

  it('stops when there are no next steps, whatever the condition', () => {
    expect(decide({ condition_statement: moreThan(1), evaluation_parameters: { count: 5 }, next_steps: [] }).next).toEqual([]);
  });

  it('keeps the branch open for stop_delay seconds after the condition last held', () => {
    vi.useFakeTimers();
    try {
      const condition = moreThan(1);
      expect(decide({ condition_statement: condition, evaluation_parameters: { count: 2 }, next_steps: ['$steps.a'], stop_delay: 5 }).next).toEqual(['$steps.a']);
      vi.advanceTimersByTime(4000);
      expect(decide({ condition_statement: condition, evaluation_parameters: { count: 0 }, next_steps: ['$steps.a'], stop_delay: 5 }).next).toEqual(['$steps.a']);
      vi.advanceTimersByTime(2000);
      expect(decide({ condition_statement: condition, evaluation_parameters: { count: 0 }, next_steps: ['$steps.a'], stop_delay: 5 }).next).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('needs step selectors in next_steps and a valid condition', () => {
    expect(continueIfV1.manifest.safeParse({ condition_statement: moreThan(1), next_steps: ['$steps.a.output'] }).success).toBe(false);
    const bad = continueIfV1.manifest.safeParse({ condition_statement: { type: 'StatementGroup', statements: [] }, next_steps: ['$steps.a'] });
    expect(bad.error!.issues[0]!.message).toBe('statement group StatementGroup: statements: a StatementGroup needs at least one statement');
  });
});

describe('property_definition@v1', () => {
  it('applies the operations to its data', () => {
    const detections = new Detections([[0, 0, 1, 1], [0, 0, 2, 2]], [0.5, 0.6], [0, 1], { class_name: ['a', 'b'] });
    expect(propertyDefinitionV1.run({ data: detections, operations: [{ type: 'SequenceLength' }] }, context)).toEqual({ output: 2 });
    expect(propertyDefinitionV1.run({ data: detections, operations: [{ type: 'DetectionsPropertyExtract', property_name: 'class_name' }] as never }, context)).toEqual({ output: ['a', 'b'] });
    expect(propertyDefinitionV1.run({ data: 'x', operations: [] }, context)).toEqual({ output: 'x' });
  });
});
