import { expect, it } from 'vitest';
import { exceedsJsonDepth } from './json-depth.js';

it('counts the levels of arrays and objects', () => {
  expect(exceedsJsonDepth({ a: [1, { b: 2 }] }, 3)).toBe(false);
  expect(exceedsJsonDepth({ a: [1, { b: [] }] }, 3)).toBe(true);
  expect(exceedsJsonDepth([[], {}, [[]]], 3)).toBe(false);
  expect(exceedsJsonDepth([[], {}, [[{}]]], 3)).toBe(true);
  expect(exceedsJsonDepth({}, 1)).toBe(false);
  expect(exceedsJsonDepth({ a: null, b: 'x' }, 1)).toBe(false);
  expect(exceedsJsonDepth({ a: {} }, 1)).toBe(true);
  expect(exceedsJsonDepth('text', 1)).toBe(false);
});

it('checks a very deep value without overflowing the stack, whatever the limit', () => {
  const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
  expect(exceedsJsonDepth(deep, 64)).toBe(true);
  expect(exceedsJsonDepth(deep, 99_999)).toBe(true);
  expect(exceedsJsonDepth(deep, 100_000)).toBe(false);
});

it('gives the same answer both ways of walking', () => {
  const nested = (levels: number): unknown => (levels === 0 ? 1 : levels % 2 ? [0, nested(levels - 1)] : { key: nested(levels - 1), other: 'x' });
  for (let levels = 0; levels < 12; levels++) {
    for (const limit of [levels, levels + 1]) {
      // 2,500 levels of padding push the second walk past the recursion cap onto the iterative one.
      const padded = Array.from({ length: 2_500 }).reduce<unknown>((inner) => [inner], nested(levels));
      expect(exceedsJsonDepth(nested(levels), limit)).toBe(levels > limit);
      expect(exceedsJsonDepth(padded, limit + 2_500)).toBe(levels > limit);
    }
  }
});
