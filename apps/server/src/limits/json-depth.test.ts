import { expect, it } from 'vitest';
import { exceedsJsonDepth } from './json-depth.js';

it('measures nesting without recursion, even for very deep values', () => {
  expect(exceedsJsonDepth({ a: [1, { b: 2 }] }, 3)).toBe(false);
  expect(exceedsJsonDepth({ a: [1, { b: [] }] }, 3)).toBe(true);
  expect(exceedsJsonDepth('text', 1)).toBe(false);
  const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
  expect(exceedsJsonDepth(deep, 64)).toBe(true);
});
