import { Detections, type Box } from '@flow/kinds';
import type { PythonValue } from '../json/python-json.js';
import { pythonFloat } from '../numbers/python-float.js';
import { roundHalfEven } from '../numbers/round-half-even.js';
import { ClassIndex } from '../python/class-index.js';
import { getItem, isDict, PythonError, pythonMax, pythonMin } from '../python/semantics.js';
import { detectionsWithMetadata, type ParseContext } from './attach-metadata.js';
import { labelledBoxRows } from './labelled-box-rows.js';
import { unpackFour } from './gemini.js';
import { parseLegacyNormalizedDetections } from './legacy-normalized.js';

/** The OpenAI v5 block shrinks images to this longest edge before upload. */
export const DETECTION_MAX_EDGE_PIXELS = 2048;

/**
 * The size an image was uploaded at: unchanged when its longest edge fits `maxEdge`, else scaled so the
 * longest edge (width on a tie) is `maxEdge` and the other side is `max(round(side * maxEdge / longest), 1)`
 * with Python's half-to-even `round` (4096×1025 → 2048×512).
 */
export function scaleDimensionsToMaxEdge(width: number, height: number, maxEdge: number): [width: number, height: number] {
  if (Math.max(width, height) <= maxEdge) return [width, height];
  if (width >= height) return [maxEdge, Math.max(roundHalfEven((height * maxEdge) / width), 1)];
  return [Math.max(roundHalfEven((width * maxEdge) / height), 1), maxEdge];
}

/**
 * An entry's pixel box on the original image, unrounded: `box_2d` is `[x_min, y_min, x_max, y_max]` in
 * pixels of the uploaded image; each value goes through `float()`, is clamped to the uploaded size and
 * scaled back by `original / uploaded`.
 */
export function convertOpenAiBox(detection: PythonValue, imageHeight: number, imageWidth: number): Box {
  const [uploadedWidth, uploadedHeight] = scaleDimensionsToMaxEdge(imageWidth, imageHeight, DETECTION_MAX_EDGE_PIXELS);
  const scaleX = imageWidth / uploadedWidth;
  const scaleY = imageHeight / uploadedHeight;
  const [xMin, yMin, xMax, yMax] = unpackFour(getItem(detection, 'box_2d'));
  const clampX = (value: PythonValue) => pythonMin(pythonMax(pythonFloat(value), 0), uploadedWidth);
  const clampY = (value: PythonValue) => pythonMin(pythonMax(pythonFloat(value), 0), uploadedHeight);
  const left = clampX(xMin);
  const right = clampX(xMax);
  const top = clampY(yMin);
  const bottom = clampY(yMax);
  return [left * scaleX, top * scaleY, right * scaleX, bottom * scaleY];
}

/** The absolute-pixel parser (reference §3.3): a list of `box_2d` entries from the OpenAI v5 block. */
export function parseOpenAiAbsoluteDetections(parsed: PythonValue, context: ParseContext): Detections {
  if (!Array.isArray(parsed)) throw new PythonError('ValueError', 'Unexpected OpenAI object detection response format');
  if (parsed.length === 0) return Detections.empty();
  const classIndex = new ClassIndex(context.classes);
  const { height, width } = context.image;
  return detectionsWithMetadata(labelledBoxRows(parsed, classIndex, (detection) => convertOpenAiBox(detection, height, width)), context);
}

/**
 * v2 `openai`: an object whose non-empty `detections` list starts with a `box_2d` object is the v5
 * structured form (absolute parser on that list); any other object with `detections` is the legacy
 * normalised form; every other root goes to the absolute parser, which wants a list.
 */
export function parseOpenAiDetections(parsed: PythonValue, context: ParseContext): Detections {
  if (isDict(parsed) && Object.hasOwn(parsed, 'detections')) {
    const detections = parsed.detections;
    const first = Array.isArray(detections) ? detections[0] : undefined;
    if (isDict(first) && Object.hasOwn(first, 'box_2d')) return parseOpenAiAbsoluteDetections(detections!, context);
    return parseLegacyNormalizedDetections(parsed, context);
  }
  return parseOpenAiAbsoluteDetections(parsed, context);
}
