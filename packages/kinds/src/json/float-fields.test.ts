import { describe, expect, it } from 'vitest';
import { EVERY_ITEM, floatFieldsOf, markFloatFields } from './float-fields.js';
import { stringifyJson } from './stringify-json.js';

describe('float marks', () => {
  it('are invisible to JSON, keys, for-in, spread and structuredClone', () => {
    const box = markFloatFields({ x: 2, y: 3.5 }, ['x', 'y']);
    expect(floatFieldsOf(box)).toEqual(['x', 'y']);
    expect(JSON.stringify(box)).toBe('{"x":2,"y":3.5}');
    expect(Object.keys(box)).toEqual(['x', 'y']);
    const seen: string[] = [];
    for (const key in box) seen.push(key);
    expect(seen).toEqual(['x', 'y']);
    expect(floatFieldsOf({ ...box })).toBeUndefined();
    expect(floatFieldsOf(structuredClone(box))).toBeUndefined();
    expect(stringifyJson(box)).toBe('{"x":2.0,"y":3.5}');
  });

  it('are replaced by a later mark, and work on frozen objects and arrays', () => {
    const box = markFloatFields({ x: 1, y: 1 }, ['x']);
    markFloatFields(box, ['y']);
    expect(stringifyJson(box)).toBe('{"x":1,"y":1.0}');

    const frozen = markFloatFields(Object.freeze({ w: 4 }), ['w']);
    expect(stringifyJson(frozen)).toBe('{"w":4.0}');
    const list = markFloatFields(Object.freeze([1, 2]), [EVERY_ITEM]);
    expect(stringifyJson(list)).toBe('[1.0,2.0]');
    expect(floatFieldsOf({ w: 4 })).toBeUndefined();
  });
});
