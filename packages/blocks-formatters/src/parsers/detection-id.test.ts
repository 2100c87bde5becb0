import { describe, expect, it } from 'vitest';
import { newDetectionId } from './detection-id.js';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newDetectionId', () => {
  it('gives random UUID v4 texts, each one new, across many refills of its random bytes', () => {
    const ids = Array.from({ length: 5_000 }, newDetectionId);
    for (const id of ids) expect(id).toMatch(uuidV4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('spreads the random digits evenly (every hex digit at every random position)', () => {
    const seen = Array.from({ length: 36 }, () => new Set<string>());
    for (let count = 0; count < 2_000; count++) [...newDetectionId()].forEach((char, position) => seen[position]!.add(char));
    const fixed = new Map([[8, '-'], [13, '-'], [18, '-'], [23, '-'], [14, '4']]);
    seen.forEach((chars, position) => {
      if (fixed.has(position)) expect([...chars]).toEqual([fixed.get(position)]);
      else if (position === 19) expect([...chars].sort()).toEqual(['8', '9', 'a', 'b']);
      else expect(chars.size).toBe(16);
    });
  });
});
