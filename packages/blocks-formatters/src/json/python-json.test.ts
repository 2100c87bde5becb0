import { describe, expect, it } from 'vitest';
import { decodePythonJson, isIntegralFloatMember, PythonInt, rawDecodePythonJson, writtenKeyOrder, type PythonDict } from './python-json.js';

function decode(text: string) {
  const result = decodePythonJson(text);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('decodePythonJson (Python json.loads)', () => {
  it('decodes what JSON.parse decodes, to the same values', () => {
    const text = '{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\n"], "b": {}}';
    expect(JSON.parse(JSON.stringify(decode(text)))).toEqual(JSON.parse(text));
  });

  it('accepts the bare literals NaN, Infinity and -Infinity', () => {
    expect(decode('[NaN, Infinity, -Infinity]')).toEqual([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  });

  it.each(['nan', 'inf', '+1', '01', '1.', '.5', '1e', '[1,]', '{"a":1,}', "{'a':1}", '{a:1}', '"\t"', '"\\x41"', '"\\u12G4"', 'tru', '', ' ', '\ufeff{}', '[1] x', '-', '-Inf'])(
    'rejects %j as Python does',
    (text) => {
      expect(decodePythonJson(text).ok).toBe(false);
    },
  );

  it('allows JSON whitespace (space, tab, CR, LF) around the value and nothing else', () => {
    expect(decode(' \t\r\n{"a": 1}\n ')).toEqual({ a: 1 });
    expect(decodePythonJson('\u00a0{}').ok).toBe(false);
    expect(decodePythonJson('{}\f').ok).toBe(false);
  });

  it('makes null-prototype objects, so "__proto__" and "constructor" are plain keys', () => {
    const value = decode('{"__proto__": 1, "constructor": 2}') as PythonDict;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(value.__proto__).toBe(1);
    expect((decode('{}') as PythonDict).constructor).toBeUndefined();
  });

  it('keeps the last value of a repeated key (at its first position)', () => {
    const value = decode('{"a": 1, "b": 2, "a": 3}') as PythonDict;
    expect(Object.entries(value)).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('remembers the written key order when JS would reorder integer-like keys', () => {
    const value = decode('{"b": 1, "10": 2, "2": 3}') as PythonDict;
    expect(Object.keys(value)).toEqual(['2', '10', 'b']);
    expect(writtenKeyOrder(value)).toEqual(['b', '10', '2']);
  });

  it('keeps lone surrogates from \\u escapes and joins escaped pairs', () => {
    expect(decode('"\\ud83d\\ude00"')).toBe('😀');
    expect(decode('"\\ud800x"')).toBe('\ud800x');
  });

  it('tells integral float literals from integers', () => {
    const list = decode('[1, 1.0, 1e2, 2.5, -0.0, -0]') as number[];
    expect(list).toEqual([1, 1, 100, 2.5, -0, 0]);
    expect(Object.is(list[4], -0)).toBe(true);
    expect(Object.is(list[5], 0)).toBe(true); // Python has no integer -0
    expect([0, 1, 2, 3].map((index) => isIntegralFloatMember(list, index))).toEqual([false, true, true, false]);
    const dict = decode('{"a": 3.0, "b": 3}') as PythonDict;
    expect(isIntegralFloatMember(dict, 'a')).toBe(true);
    expect(isIntegralFloatMember(dict, 'b')).toBe(false);
  });

  it('keeps integers beyond 2^53 exact, and overflowing floats become infinity', () => {
    const [big, huge, float] = decode('[12345678901234567890, 1' + '0'.repeat(400) + ', 1e400]') as [PythonInt, PythonInt, number];
    expect(big).toBeInstanceOf(PythonInt);
    expect(big.text).toBe('12345678901234567890');
    expect(huge.approximate).toBe(Number.POSITIVE_INFINITY);
    expect(float).toBe(Number.POSITIVE_INFINITY);
  });

  it('fails like Python on integer literals over 4300 digits and on very deep nesting', () => {
    expect(decodePythonJson('1'.repeat(4300)).ok).toBe(true);
    expect(decodePythonJson('1'.repeat(4301)).ok).toBe(false);
    expect(decodePythonJson('['.repeat(1000) + ']'.repeat(1000)).ok).toBe(true);
    expect(decodePythonJson('['.repeat(5000) + ']'.repeat(5000)).ok).toBe(false);
  });

  it('rejects control characters inside strings (strict mode)', () => {
    expect(decodePythonJson('"a\nb"').ok).toBe(false);
    expect(decode('"a\u007fb"')).toBe('a\u007fb');
  });
});

describe('rawDecodePythonJson (JSONDecoder.raw_decode)', () => {
  it('decodes one value at an offset and reports where it ends', () => {
    const text = 'x {"a": [1]} tail';
    expect(rawDecodePythonJson(text, 2)).toEqual({ ok: true, value: { a: [1] }, end: 12 });
  });

  it('does not skip leading whitespace and fails on garbage', () => {
    expect(rawDecodePythonJson(' {}', 0)).toMatchObject({ ok: false, fatal: false });
    expect(rawDecodePythonJson('{"a": }', 0)).toMatchObject({ ok: false, fatal: false });
  });

  it('marks the failures Python raises as something other than JSONDecodeError', () => {
    expect(rawDecodePythonJson('{"a":'.repeat(2000), 0)).toMatchObject({ ok: false, fatal: true });
    expect(rawDecodePythonJson(`{"a": ${'1'.repeat(5000)}}`, 0)).toMatchObject({ ok: false, fatal: true });
  });
});
