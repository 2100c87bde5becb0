/** Rounds half to even, as Python's `round` and numpy's `round` do (`2.5 -> 2`, `3.5 -> 4`). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const difference = value - floor;
  if (difference > 0.5) return floor + 1;
  if (difference < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The `[start, end)` that numpy's `array[start:end]` selects on an axis of `length`: negative indices count
 * from the end, everything is clamped to the axis. An empty selection has `end <= start`.
 */
export function numpySlice(start: number, end: number, length: number): [number, number] {
  const clamp = (index: number) => (index < 0 ? Math.max(0, length + index) : Math.min(index, length));
  return [clamp(start), clamp(end)];
}
