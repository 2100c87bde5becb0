import { describe, expect, it } from 'vitest';
import { decodePythonJson, type PythonDict } from '../json/python-json.js';
import { floatRepr, pythonStr, stringRepr } from './python-str.js';

function decode(text: string) {
  const result = decodePythonJson(text);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('pythonStr (Python str() of a JSON value)', () => {
  it('tells 1 from 1.0 by how the value was written', () => {
    const dict = decode('{"int": 1, "float": 1.0, "exp": 1e16, "small": 0.0001, "tiny": 1e-05, "neg": -0.0}') as PythonDict;
    expect(pythonStr(dict.int, dict, 'int')).toBe('1');
    expect(pythonStr(dict.float, dict, 'float')).toBe('1.0');
    expect(pythonStr(dict.exp, dict, 'exp')).toBe('1e+16');
    expect(pythonStr(dict.small, dict, 'small')).toBe('0.0001');
    expect(pythonStr(dict.tiny, dict, 'tiny')).toBe('1e-05');
    expect(pythonStr(dict.neg, dict, 'neg')).toBe('-0.0');
  });

  it('writes booleans, None, big integers and containers the Python way', () => {
    const dict = decode('{"t": true, "n": null, "big": 123456789012345678901234567890, "list": [1, 2.0, "a\'b", null], "obj": {"2": 1, "1": "x"}}') as PythonDict;
    expect(pythonStr(dict.t)).toBe('True');
    expect(pythonStr(dict.n)).toBe('None');
    expect(pythonStr(dict.big)).toBe('123456789012345678901234567890');
    expect(pythonStr(dict.list)).toBe(`[1, 2.0, "a'b", None]`);
    expect(pythonStr(dict.obj)).toBe(`{'2': 1, '1': 'x'}`);
  });
});

describe('floatRepr', () => {
  it.each([
    [0.1, '0.1'],
    [100, '100.0'],
    [1.5e-7, '1.5e-07'],
    [123456789012345.6, '123456789012345.6'],
    [1e15, '1000000000000000.0'],
    [1.2345e20, '1.2345e+20'],
    [-2.5, '-2.5'],
    [Number.NaN, 'nan'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('repr(%d) is %s', (value, expected) => {
    expect(floatRepr(value)).toBe(expected);
  });
});

describe('stringRepr', () => {
  it('picks quotes and escapes like Python', () => {
    expect(stringRepr('plain')).toBe("'plain'");
    expect(stringRepr("it's")).toBe(`"it's"`);
    expect(stringRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(stringRepr('a\\b\n\t\x01\x7f')).toBe("'a\\\\b\\n\\t\\x01\\x7f'");
    expect(stringRepr('é😀')).toBe("'é😀'");
    expect(stringRepr('\u00a0\u200b\ud800')).toBe("'\\xa0\\u200b\\ud800'");
  });
});
