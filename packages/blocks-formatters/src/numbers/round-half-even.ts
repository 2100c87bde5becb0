/**
 * Round to the nearest integer, ties to even, on the exact binary value: what `numpy.round(x, 0)` and
 * Python's `round(x)` do (12.5 → 12, 37.5 → 38). `Math.round` sends every tie up, so only exact ties
 * need correcting; NaN, ±Infinity and -0 pass through unchanged.
 */
export function roundHalfEven(value: number): number {
  const rounded = Math.round(value);
  // A tie is exactly representable only below 2^52, where `rounded - value` is computed exactly.
  if (rounded - value === 0.5 && rounded % 2 !== 0) return rounded - 1;
  return rounded;
}
