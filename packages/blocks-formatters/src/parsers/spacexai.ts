import { Detections, type Box } from '@flow/kinds';
import type { PythonValue } from '../json/python-json.js';
import { pythonFloat } from '../numbers/python-float.js';
import { ClassIndex } from '../python/class-index.js';
import { getItem, isDict, PythonError, pythonIterate, pythonLength, pythonMax, pythonMin } from '../python/semantics.js';
import { detectionsWithMetadata, type ParseContext } from './attach-metadata.js';
import { labelledBoxRows } from './labelled-box-rows.js';
import { unpackFour } from './gemini.js';

/** Grok boxes are percentages of the image size. */
const PERCENT_SCALE = 100;

function spacexaiEntries(parsed: PythonValue): PythonValue {
  if (Array.isArray(parsed)) return parsed;
  if (isDict(parsed) && Object.hasOwn(parsed, 'detections')) return parsed.detections!;
  throw new PythonError('ValueError', 'Unexpected SpaceXAI object detection response format');
}

/** `box_2d` is `[x_min, y_min, x_max, y_max]` in percent; each value is clamped to [0, 100], then `v / 100 * dim`. */
export function convertSpacexaiBox(detection: PythonValue, imageHeight: number, imageWidth: number): Box {
  const [xMin, yMin, xMax, yMax] = unpackFour(getItem(detection, 'box_2d'));
  const clamp = (value: PythonValue) => pythonMin(pythonMax(pythonFloat(value), 0), PERCENT_SCALE);
  const left = clamp(xMin);
  const right = clamp(xMax);
  const top = clamp(yMin);
  const bottom = clamp(yMax);
  return [(left / PERCENT_SCALE) * imageWidth, (top / PERCENT_SCALE) * imageHeight, (right / PERCENT_SCALE) * imageWidth, (bottom / PERCENT_SCALE) * imageHeight];
}

/** The SpaceXAI / Grok parser (reference §3.4), v2 `spacexai`. */
export function parseSpacexaiDetections(parsed: PythonValue, context: ParseContext): Detections {
  const entries = spacexaiEntries(parsed);
  if (pythonLength(entries) === 0) return Detections.empty();
  const classIndex = new ClassIndex(context.classes);
  const { height, width } = context.image;
  return detectionsWithMetadata(labelledBoxRows(pythonIterate(entries), classIndex, (detection) => convertSpacexaiBox(detection, height, width)), context);
}
