import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './round-half-even.js';

describe('roundHalfEven (numpy.round(x, 0))', () => {
  it.each([
    [12.5, 12],
    [37.5, 38],
    [62.5, 62],
    [87.5, 88],
    [0.5, 0],
    [1.5, 2],
    [2.5, 2],
    [-2.5, -2],
    [-3.5, -4],
    [2.4999999999999996, 2],
    [2.5000000000000004, 3],
    [0.49999999999999994, 0],
    [4503599627370495.5, 4503599627370496],
    [1e300, 1e300],
  ])('rounds %d to %d', (value, expected) => {
    expect(roundHalfEven(value)).toBe(expected);
  });

  it('rounds the binary value the arithmetic produced, not the decimal one meant', () => {
    // 0.145 * 100 is 14.499999999999998 in binary: not a tie at all, so no tie rule applies.
    expect(roundHalfEven(0.145 * 100)).toBe(14);
    // 0.1 * 25 is exactly 2.5 in binary: a real tie, to even.
    expect(roundHalfEven(0.1 * 25)).toBe(2);
    // 0.01 * 168 (a Gemini x_min on a 168 px image) is 1.68: plainly 2.
    expect(roundHalfEven(0.01 * 168)).toBe(2);
  });

  it('passes NaN, infinities and signed zero through', () => {
    expect(roundHalfEven(Number.NaN)).toBeNaN();
    expect(roundHalfEven(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(roundHalfEven(-0.4), -0)).toBe(true);
    expect(Object.is(roundHalfEven(-0.5), -0)).toBe(true);
  });
});
