/** Python's `round` (half to even), which the reference uses for the short side. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The size an image is uploaded at when its longer side may be at most `maxEdge` (never upscaled). The
 * same rule `vlm_as_detector@v2` uses to map OpenAI v5's absolute boxes back, so both sides agree.
 */
export function scaleToMaxEdge(width: number, height: number, maxEdge: number): { width: number; height: number } {
  if (Math.max(width, height) <= maxEdge) return { width, height };
  if (width >= height) return { width: maxEdge, height: Math.max(roundHalfEven((height * maxEdge) / width), 1) };
  return { width: Math.max(roundHalfEven((width * maxEdge) / height), 1), height: maxEdge };
}
