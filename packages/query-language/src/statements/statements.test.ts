import { describe, expect, it } from 'vitest';
import { EvaluationEngineError, QueryLanguageDefinitionError, UndeclaredSymbolError } from '../errors.js';
import { SingleDetection } from '../detections/single-detection.js';
import { evaluate } from '../validation/compile-definitions.js';

const statics = (left: unknown, comparator: string, right: unknown, negate = false) => ({
  type: 'StatementGroup',
  statements: [{ type: 'BinaryStatement', left_operand: { type: 'StaticOperand', value: left }, comparator: { type: comparator }, right_operand: { type: 'StaticOperand', value: right }, negate }],
});
const unary = (operator: string, name = 'value') => ({
  type: 'StatementGroup',
  statements: [{ type: 'UnaryStatement', operand: { type: 'DynamicOperand', operand_name: name }, operator: { type: operator } }],
});

describe('continue_if conditions (reference control_flow/test_control_flow)', () => {
  it.each([
    [['lion', 'zebra'], '==', ['lion', 'zebra'], true],
    [['lion', 'zebra'], '==', ['lion', 'zebra', 'elephant'], false],
    [['lion', 'zebra'], 'any in (Sequence)', ['cat', 'zebra', 'dog'], true],
    [['lion', 'zebra'], 'any in (Sequence)', ['cat', 'elephant', 'dog'], false],
    [['lion', 'zebra'], 'all in (Sequence)', ['lion', 'zebra', 'dog'], true],
    [['lion', 'zebra'], 'all in (Sequence)', ['lion', 'dog'], false],
  ])('%j %s %j is %s', (left, comparator, right, expected) => {
    expect(evaluate({}, statics(left, comparator, right))).toBe(expected);
  });
});

describe('binary comparators with Python semantics', () => {
  it.each([
    [1, '(Number) ==', 1, true],
    [1, '(Number) ==', true, true],
    [1, '==', 1.5, false],
    ['a', '!=', 'b', true],
    [3, '(Number) >', 2, true],
    [2, '(Number) >=', 2, true],
    [2, '(Number) <', 2, false],
    [2, '(Number) <=', 2, true],
    [5, '(Number) in range', [1, 5], true],
    [6, '(Number) in range', [1, 5], false],
    ['hello', '(String) startsWith', 'he', true],
    ['hello', '(String) endsWith', 'lo', true],
    ['hello', '(String) contains', 'ell', true],
    ['a', 'in (Sequence)', ['a', 'b'], true],
    ['a', 'in (Sequence)', { a: 1 }, true],
    ['ell', 'in (Sequence)', 'hello', true],
    [[25, 25], '(Detection) in zone', [[0, 0], [50, 0], [50, 50], [0, 50]], true],
    [[50, 25], '(Detection) in zone', [[0, 0], [50, 0], [50, 50], [0, 50]], false],
    [[75, 25], '(Detection) in zone', [[0, 0], [50, 0], [50, 50], [0, 50]], false],
  ])('%j %s %j is %s', (left, comparator, right, expected) => {
    expect(evaluate({}, statics(left, comparator, right))).toBe(expected);
    expect(evaluate({}, statics(left, comparator, right, true))).toBe(!expected);
  });

  it('fails with an EvaluationEngineError naming the statement when values cannot be compared', () => {
    expect(() => evaluate({}, statics('a', '(Number) >', 1))).toThrow(EvaluationEngineError);
    expect(() => evaluate({}, statics('a', '(Number) >', 1))).toThrow(
      "Attempted to execute evaluation of type: BinaryStatement in context <root>.statements[0], but encountered error: '>' not supported between instances of 'str' and 'int'",
    );
    expect(() => evaluate({}, statics(1, '(String) startsWith', 'a'))).toThrow(/'int' object has no attribute 'startswith'/);
    expect(() => evaluate({}, statics(1, 'in (Sequence)', 2))).toThrow(/argument of type 'int' is not iterable/);
    expect(() => evaluate({}, statics([1, 1], '(Detection) in zone', [[0, 0], [1, 1]]))).toThrow(EvaluationEngineError);
  });

  it('names an undeclared operand', () => {
    expect(() => evaluate({}, unary('Exists', 'missing'))).toThrow(UndeclaredSymbolError);
    expect(() => evaluate({}, unary('Exists', 'missing'))).toThrow('Attempted to execute evaluation of type: UnaryStatement in context <root>.statements[0], but encountered error: Encountered undefined symbol `missing`');
  });
});

describe('unary operators', () => {
  it.each([
    ['Exists', 0, true],
    ['Exists', null, false],
    ['DoesNotExist', null, true],
    ['(Boolean) is True', true, true],
    ['(Boolean) is True', 1, false],
    ['(Boolean) is False', false, true],
    ['(Sequence) is empty', [], true],
    ['(Sequence) is empty', {}, true],
    ['(Sequence) is not empty', 'x', true],
  ])('%s(%j) is %s', (operator, value, expected) => {
    expect(evaluate({ value }, unary(operator))).toBe(expected);
  });

  it('(Sequence) is empty on a number fails as in the reference (expression test_block_run_when_uql_error_happens)', () => {
    expect(() => evaluate({ value: 1 }, unary('(Sequence) is empty'))).toThrow(EvaluationEngineError);
  });
});

describe('statement groups', () => {
  const group = (operator: string | undefined, ...statements: unknown[]) => ({ type: 'StatementGroup', operator, statements: statements.map((s) => (s as { statements: unknown[] }).statements[0]) });

  it('combine with or by default, and with and when asked', () => {
    expect(evaluate({}, group(undefined, statics(1, '==', 2), statics(1, '==', 1)))).toBe(true);
    expect(evaluate({}, group('and', statics(1, '==', 2), statics(1, '==', 1)))).toBe(false);
  });

  it('evaluate every statement, so an error after a decided result still fails (no short-circuit, as the reference)', () => {
    expect(() => evaluate({}, group('or', statics(1, '==', 1), statics('a', '(Number) >', 1)))).toThrow(EvaluationEngineError);
  });

  it('nest, and give nested statements their own context', () => {
    const nested = { type: 'StatementGroup', operator: 'and', statements: [statics(1, '==', 1), statics('a', '(Number) <', 1)] };
    expect(() => evaluate({}, nested)).toThrow(/in context <root>\.statements\[1\]\.statements\[0\]/);
  });

  it('apply operand operations before comparing; a detection can be tested against a zone', () => {
    const definition = {
      type: 'StatementGroup',
      statements: [
        {
          type: 'BinaryStatement',
          left_operand: { type: 'DynamicOperand', operations: [{ type: 'ExtractDetectionProperty', property_name: 'center' }] },
          comparator: { type: '(Detection) in zone' },
          right_operand: { type: 'DynamicOperand', operand_name: 'zone' },
        },
      ],
    };
    const zone = [[0, 0], [100, 0], [100, 100], [0, 100]];
    expect(evaluate({ _: new SingleDetection([10, 10, 20, 20], 1, 0, {}), zone }, definition)).toBe(true);
    expect(evaluate({ _: new SingleDetection([110, 10, 120, 20], 1, 0, {}), zone }, definition)).toBe(false);
  });

  it('refuse an empty group and unknown comparators when parsed', () => {
    expect(() => evaluate({}, { type: 'StatementGroup', statements: [] })).toThrow(QueryLanguageDefinitionError);
    expect(() => evaluate({}, statics(1, '(Number) =>', 1))).toThrow(/statements\[0\]\.comparator\.type: comparator \(Number\) =>/);
  });
});
