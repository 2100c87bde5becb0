import type { ImageLimits } from './image-limits.js';

/**
 * The largest size with the same aspect ratio that fits every limit (never larger than the image itself).
 * Sides are floored, so the result never exceeds a limit by a rounding pixel.
 */
export function fitSize(width: number, height: number, limits: ImageLimits): { width: number; height: number; scale: number } {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  let scale = 1;
  if (limits.maxLongEdge !== undefined) scale = Math.min(scale, limits.maxLongEdge / long);
  if (limits.maxShortEdge !== undefined) scale = Math.min(scale, limits.maxShortEdge / short);
  if (limits.maxPixels !== undefined) scale = Math.min(scale, Math.sqrt(limits.maxPixels / (width * height)));
  if (scale >= 1) return { width, height, scale: 1 };
  const side = (value: number) => Math.max(1, Math.floor(value * scale + 1e-9));
  let fitted = { width: side(width), height: side(height) };
  // Flooring both sides keeps them in limits except for maxPixels at tiny sizes; shave the long side if needed.
  while (limits.maxPixels !== undefined && fitted.width * fitted.height > limits.maxPixels && Math.max(fitted.width, fitted.height) > 1) {
    fitted = fitted.width >= fitted.height ? { ...fitted, width: fitted.width - 1 } : { ...fitted, height: fitted.height - 1 };
  }
  return { ...fitted, scale };
}

/** Whether an image of this size already fits (so it may be sent as it is, bytes permitting). */
export function fitsWithin(width: number, height: number, limits: ImageLimits): boolean {
  return fitSize(width, height, limits).scale === 1;
}
