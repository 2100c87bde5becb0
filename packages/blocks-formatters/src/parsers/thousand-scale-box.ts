import type { Box } from '@flow/kinds';
import { pythonMax, pythonMin } from '../python/semantics.js';

const SCALE = 1000;

/**
 * Qwen's and Muse's boxes: `[x_min, y_min, x_max, y_max]` on a 0–1000 scale. Each value is clamped to
 * [0, 1000], then computed as `v * (dim / 1000)`, in that order so the doubles match the reference's
 * (Gemini divides first).
 */
export function convertThousandScaleBox(box: readonly number[], imageHeight: number, imageWidth: number): Box {
  const [xMin, yMin, xMax, yMax] = box.map((value) => pythonMin(pythonMax(value, 0), SCALE)) as Box;
  const scaleX = imageWidth / SCALE;
  const scaleY = imageHeight / SCALE;
  return [xMin * scaleX, yMin * scaleY, xMax * scaleX, yMax * scaleY];
}
