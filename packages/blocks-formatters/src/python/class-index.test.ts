import { describe, expect, it } from 'vitest';
import { PythonInt } from '../json/python-json.js';
import { ClassIndex } from './class-index.js';
import { PythonError } from './semantics.js';

describe('ClassIndex (create_classes_index)', () => {
  it('gives a repeated name its last index and keeps its first position', () => {
    const index = new ClassIndex(['cat', 'dog', 'cat']);
    expect(index.idOf('cat')).toBe(2);
    expect(index.idOf('dog')).toBe(1);
    expect(index.idOf('bird')).toBe(-1);
    expect(index.entries()).toEqual([
      ['cat', 2],
      ['dog', 1],
    ]);
  });

  it('uses Python equality: 1 == 1.0 == True, "1" is another key', () => {
    const index = new ClassIndex([1, 'one']);
    expect(index.idOf(true)).toBe(0);
    expect(index.idOf(1)).toBe(0);
    expect(index.idOf('1')).toBe(-1);
    expect(new ClassIndex([new PythonInt('9007199254740993')]).idOf(new PythonInt('9007199254740993'))).toBe(0);
  });

  it('raises TypeError for None classes and unhashable names, like Python', () => {
    expect(() => new ClassIndex(null)).toThrow(PythonError);
    expect(() => new ClassIndex([['a']])).toThrow(/unhashable/);
    expect(() => new ClassIndex(['a']).idOf({})).toThrow(/unhashable/);
  });

  it('adds names the model invented after the given ones', () => {
    const index = new ClassIndex(['a']);
    index.addIfMissing('z', -1);
    index.addIfMissing('a', -1);
    expect(index.entries()).toEqual([
      ['a', 0],
      ['z', -1],
    ]);
  });
});
