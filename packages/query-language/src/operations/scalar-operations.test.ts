import { describe, expect, it } from 'vitest';
import { InvalidInputTypeError, OperationError } from '../errors.js';
import { executeOperations } from '../validation/compile-definitions.js';

describe('strings (reference test_strings_operations)', () => {
  it.each([
    ['hello', 'hello', true],
    ['hello world', 'hello', true],
    ['say hello', 'hello', true],
    ['hello', '^hello$', true],
    ['hello', 'world', false],
    ['world', 'hello', false],
    ['hell', 'hello', false],
  ])('StringMatches(%j, %j) is %s', (value, regex, expected) => {
    expect(executeOperations(value, [{ type: 'StringMatches', regex }])).toBe(expected);
  });

  it('StringMatches refuses a non-string value', () => {
    expect(() => executeOperations(123, [{ type: 'StringMatches', regex: 'hello' }])).toThrow(InvalidInputTypeError);
  });

  it('StringMatches understands Python inline flags and named groups', () => {
    expect(executeOperations('HELLO', [{ type: 'StringMatches', regex: '(?i)hello' }])).toBe(true);
    expect(executeOperations('ab-ab', [{ type: 'StringMatches', regex: '(?P<word>ab)-(?P=word)' }])).toBe(true);
  });

  it('changes case and refuses values that are not strings', () => {
    expect(executeOperations('Cat', [{ type: 'StringToUpperCase' }])).toBe('CAT');
    expect(executeOperations('Cat', [{ type: 'StringToLowerCase' }])).toBe('cat');
    expect(() => executeOperations(1, [{ type: 'StringToUpperCase' }])).toThrow(/string_to_upper\(\.\.\.\) in context <root>\[0\] which requires string as input data, got: <class 'int'>/);
  });

  it('StringSubSequence slices as Python does, the default end dropping the last character', () => {
    expect(executeOperations('abcdef', [{ type: 'StringSubSequence' }])).toBe('abcde');
    expect(executeOperations('abcdef', [{ type: 'StringSubSequence', start: 1, end: 3 }])).toBe('bc');
    expect(executeOperations('abcdef', [{ type: 'StringSubSequence', start: -2, end: 100 }])).toBe('ef');
    expect(() => executeOperations(['a'], [{ type: 'StringSubSequence' }])).toThrow(InvalidInputTypeError);
  });

  it("ToString prints Python's str()", () => {
    expect(executeOperations(['a', 1, 0.5, true, null, { k: 'v' }], [{ type: 'ToString' }])).toBe("['a', 1, 0.5, True, None, {'k': 'v'}]");
    expect(executeOperations(1e-5, [{ type: 'ToString' }])).toBe('1e-05');
  });
});

describe('numbers (reference test_numbers_operations)', () => {
  it.each([
    ['42', 'int', 42],
    ['0', 'int', 0],
    ['3.14', 'int', 3],
    ['0.5', 'float', 0.5],
    ['42', 'float', 42],
    ['3.14', 'float', 3.14],
  ])('ToNumber(%j as %s) is %s', (value, castTo, expected) => {
    expect(executeOperations(value, [{ type: 'ToNumber', cast_to: castTo }])).toBe(expected);
  });

  it('ToNumber refuses text that is not a number', () => {
    expect(() => executeOperations('not a number', [{ type: 'ToNumber', cast_to: 'int' }])).toThrow(InvalidInputTypeError);
    expect(() => executeOperations(null, [{ type: 'ToNumber', cast_to: 'float' }])).toThrow(/cannot be casted into float/);
    expect(executeOperations(true, [{ type: 'ToNumber', cast_to: 'int' }])).toBe(1);
    expect(executeOperations(' -2.7 ', [{ type: 'ToNumber', cast_to: 'int' }])).toBe(-2);
  });

  it('NumberRound rounds half to even on the exact binary value', () => {
    expect(executeOperations(2.5, [{ type: 'NumberRound', decimal_digits: 0 }])).toBe(2);
    expect(executeOperations(3.5, [{ type: 'NumberRound', decimal_digits: 0 }])).toBe(4);
    expect(executeOperations(0.125, [{ type: 'NumberRound', decimal_digits: 2 }])).toBe(0.12);
    expect(executeOperations(2.675, [{ type: 'NumberRound', decimal_digits: 2 }])).toBe(2.67);
    expect(executeOperations(0.123456, [{ type: 'NumberRound', decimal_digits: 3 }])).toBe(0.123);
    expect(executeOperations(1250, [{ type: 'NumberRound', decimal_digits: -2 }])).toBe(1200);
    expect(() => executeOperations('1', [{ type: 'NumberRound', decimal_digits: 1 }])).toThrow(/cannot be rounded/);
  });

  it('Multiply and Divide', () => {
    expect(executeOperations(3, [{ type: 'Multiply', other: 2.5 }])).toBe(7.5);
    expect(executeOperations('ab', [{ type: 'Multiply', other: 2 }])).toBe('abab');
    expect(executeOperations(3, [{ type: 'Divide', other: 2 }])).toBe(1.5);
    expect(() => executeOperations(3, [{ type: 'Divide', other: 0 }])).toThrow(/cannot be divided by 0/);
    expect(() => executeOperations({}, [{ type: 'Multiply', other: 2 }])).toThrow(InvalidInputTypeError);
  });
});

describe('sequences (reference test_sequences_operations)', () => {
  it.each([
    [['a', 'b', 'c'], ', ', 'a, b, c'],
    [['a'], ', ', 'a'],
    [[], ', ', ''],
    [[1, 2, 3], '-', '1-2-3'],
    [['a', 'b'], '\n', 'a\nb'],
  ])('SequenceJoin(%j, %j)', (value, separator, expected) => {
    expect(executeOperations(value, [{ type: 'SequenceJoin', separator }])).toBe(expected);
  });

  it('SequenceJoin defaults to ", "', () => {
    expect(executeOperations(['a', 'b'], [{ type: 'SequenceJoin' }])).toBe('a, b');
  });

  it('SequenceJoin refuses what cannot be iterated', () => {
    expect(() => executeOperations(123, [{ type: 'SequenceJoin', separator: ', ' }])).toThrow(InvalidInputTypeError);
  });

  it('SequenceJoin refuses to build more than 1,000,000 characters', () => {
    const value = Array.from({ length: 3 }, () => 'a'.repeat(400_000));
    expect(() => executeOperations(value, [{ type: 'SequenceJoin', separator: ', ' }])).toThrow(OperationError);
    expect(() => executeOperations(value, [{ type: 'SequenceJoin', separator: ', ' }])).toThrow(/1000000/);
  });

  it('SequenceJoin joins normally under the limit', () => {
    expect(executeOperations(['a'.repeat(10), 'b'.repeat(10)], [{ type: 'SequenceJoin', separator: ', ' }])).toBe(`${'a'.repeat(10)}, ${'b'.repeat(10)}`);
  });

  it('SequenceLength, SequenceElementsCount, SequenceMap, SequenceApply', () => {
    expect(executeOperations({ a: 1, b: 2 }, [{ type: 'SequenceLength' }])).toBe(2);
    expect(() => executeOperations(3, [{ type: 'SequenceLength' }])).toThrow(InvalidInputTypeError);
    expect(executeOperations(['a', 'b', 'a', 1], [{ type: 'SequenceElementsCount' }])).toEqual({ a: 2, b: 1, '1': 1 });
    expect(executeOperations(['a', 'b'], [{ type: 'SequenceMap', lookup_table: { a: 'A', b: 'B' } }])).toEqual(['A', 'B']);
    expect(() => executeOperations(['c'], [{ type: 'SequenceMap', lookup_table: { a: 'A' } }])).toThrow(/`c` which cannot be found in lookup table with keys: \['a'\]/);
    expect(executeOperations(['a', 'b'], [{ type: 'SequenceApply', operations: [{ type: 'StringToUpperCase' }] }])).toEqual(['A', 'B']);
  });

  it('aggregates: min/max/sum with a neutral value, first/last/most and least common', () => {
    expect(executeOperations([3, 1, 2], [{ type: 'NumericSequenceAggregate', function: 'max' }])).toBe(3);
    expect(executeOperations([3, 1, 2], [{ type: 'NumericSequenceAggregate', function: 'sum' }])).toBe(6);
    expect(executeOperations([], [{ type: 'NumericSequenceAggregate', function: 'min', neutral_value: -1 }])).toBe(-1);
    expect(executeOperations([], [{ type: 'NumericSequenceAggregate', function: 'min' }])).toBeNull();
    expect(() => executeOperations(['a', 1], [{ type: 'NumericSequenceAggregate', function: 'sum' }])).toThrow(/unsupported operand type/);
    expect(executeOperations(['a', 'b', 'b', 'c', 'c'], [{ type: 'SequenceAggregate', mode: 'most_common' }])).toBe('b');
    expect(executeOperations(['a', 'b', 'b', 'c'], [{ type: 'SequenceAggregate', mode: 'least_common' }])).toBe('c');
    expect(executeOperations(['x', 'y'], [{ type: 'SequenceAggregate', mode: 'last' }])).toBe('y');
    expect(() => executeOperations([], [{ type: 'SequenceAggregate', mode: 'first' }])).toThrow(/empty sequence which cannot be aggregated/);
  });
});

describe('dictionaries and generic (reference test_dictionaries_operations)', () => {
  it('ConvertDictionaryToJSON refuses a value that is not a dict', () => {
    expect(() => executeOperations('some', [{ type: 'ConvertDictionaryToJSON' }])).toThrow(InvalidInputTypeError);
  });

  it("ConvertDictionaryToJSON writes Python's json.dumps text", () => {
    const result = executeOperations({ some: 'data', n: [1, 2.5], ok: true, none: null, text: 'zażółć' }, [{ type: 'ConvertDictionaryToJSON' }]);
    expect(result).toBe('{"some": "data", "n": [1, 2.5], "ok": true, "none": null, "text": "za\\u017c\\u00f3\\u0142\\u0107"}');
    expect(JSON.parse(result as string)).toEqual({ some: 'data', n: [1, 2.5], ok: true, none: null, text: 'zażółć' });
  });

  it('ConvertDictionaryToJSON fails on values JSON cannot hold', () => {
    expect(() => executeOperations({ some: new Set(['a']) }, [{ type: 'ConvertDictionaryToJSON' }])).toThrow(OperationError);
  });

  it('LookupTable finds keys and names the keys when it cannot', () => {
    expect(executeOperations('a', [{ type: 'LookupTable', lookup_table: { a: 1 } }])).toBe(1);
    expect(() => executeOperations('b', [{ type: 'LookupTable', lookup_table: { a: 1 } }])).toThrow(/keys: \['a'\]/);
    expect(() => executeOperations(['a'], [{ type: 'LookupTable', lookup_table: { a: 1 } }])).toThrow(/does not let it be searched/);
  });

  it('ToBoolean follows Python truthiness; RandomNumber stays in range', () => {
    expect([0, 1, '', 'x', [], [0], {}].map((value) => executeOperations(value, [{ type: 'ToBoolean' }]))).toEqual([false, true, false, true, false, true, false]);
    for (let index = 0; index < 20; index++) {
      const value = executeOperations('ignored', [{ type: 'RandomNumber', min_value: 2, max_value: 3 }]) as number;
      expect(value).toBeGreaterThanOrEqual(2);
      expect(value).toBeLessThanOrEqual(3);
    }
    expect(executeOperations('ignored', [{ type: 'RandomNumber', min_value: 5, max_value: 5 }])).toBe(5);
  });

  it('TimestampToISOFormat writes isoformat and refuses other values', () => {
    expect(executeOperations(new Date('2024-05-01T10:20:30.123Z'), [{ type: 'TimestampToISOFormat' }])).toBe('2024-05-01T10:20:30.123000+00:00');
    expect(executeOperations(new Date('2024-05-01T10:20:30Z'), [{ type: 'TimestampToISOFormat' }])).toBe('2024-05-01T10:20:30+00:00');
    expect(() => executeOperations('2024-05-01', [{ type: 'TimestampToISOFormat' }])).toThrow(InvalidInputTypeError);
  });
});
