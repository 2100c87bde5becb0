import { describe, expect, it } from 'vitest';
import { PythonInt } from '../json/python-json.js';
import { PythonError } from '../python/semantics.js';
import { clampConfidence, pythonFloat } from './python-float.js';

describe('pythonFloat (Python float())', () => {
  it.each([
    [0.25, 0.25],
    [true, 1],
    [false, 0],
    ['0.25', 0.25],
    ['  0.7\n', 0.7],
    ['\u00a00.5\u3000', 0.5],
    ['1_0', 10],
    ['1_000.000_1', 1000.0001],
    ['+.5', 0.5],
    ['5.', 5],
    ['1E-2', 0.01],
    ['007', 7],
    ['\u0661\u0662', 12], // Arabic-Indic digits
    ['\uff11.\uff15', 1.5], // fullwidth digits
    ['inf', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['1e400', Number.POSITIVE_INFINITY],
    [new PythonInt('123456789012345678901'), 123456789012345678901],
  ])('float(%j) is %d', (value, expected) => {
    expect(pythonFloat(value)).toBe(expected);
  });

  it('turns "nan" in any case and sign into NaN', () => {
    for (const text of ['nan', 'NaN', '-nan', '+NAN']) expect(pythonFloat(text)).toBeNaN();
  });

  it.each([null, '', ' ', 'high', '0x10', '1_', '_1', '1__0', '1 0', 'infinit', '1e', '.', '١x', '\u00b2', [], {}])('float(%j) raises', (value) => {
    expect(() => pythonFloat(value)).toThrow(PythonError);
  });

  it('raises OverflowError for an integer no double can hold', () => {
    expect(() => pythonFloat(new PythonInt(`1${'0'.repeat(400)}`))).toThrow(/OverflowError/);
  });
});

describe('clampConfidence (min(max(float(v), 0.0), 1.0))', () => {
  it('clamps into [0, 1] and lets NaN through', () => {
    expect(clampConfidence(1.98)).toBe(1);
    expect(clampConfidence(-3)).toBe(0);
    expect(clampConfidence('0.7')).toBe(0.7);
    expect(clampConfidence('inf')).toBe(1);
    expect(clampConfidence('nan')).toBeNaN();
  });

  it('keeps -0.0 as Python max(-0.0, 0.0) does', () => {
    expect(Object.is(clampConfidence(-0), -0)).toBe(true);
  });
});
