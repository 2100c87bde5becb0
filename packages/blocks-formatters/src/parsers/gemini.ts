import { Detections, type Box } from '@flow/kinds';
import type { PythonDict, PythonValue } from '../json/python-json.js';
import { ClassIndex } from '../python/class-index.js';
import { pythonStr } from '../python/python-str.js';
import { dictGet, getItem, isDict, PythonError, pythonContains, pythonIterate, pythonLength } from '../python/semantics.js';
import { arithmeticOperand } from './operands.js';
import { detectionsWithMetadata, type ParseContext } from './attach-metadata.js';
import { labelledBoxRows } from './labelled-box-rows.js';

/** Gemini's native boxes are `[y_min, x_min, y_max, x_max]` on a 0–1000 scale. */
const GEMINI_BOX_SCALE = 1000;

/** The keys a label may sit under, in the order the reference tries them (Gemini, OpenAI, SpaceXAI). */
const LABEL_KEYS = ['class_name', 'label', 'class'] as const;

/** A list root is the entries; an object's `detections` value is taken as is (not type-checked). */
export function geminiEntries(parsed: PythonValue): PythonValue {
  if (Array.isArray(parsed)) return parsed;
  if (isDict(parsed) && Object.hasOwn(parsed, 'detections')) return parsed.detections!;
  throw new PythonError('ValueError', 'Unexpected Gemini object detection response format');
}

/** `str()` of the first non-null of `class_name`, `label`, `class`; `"unknown"` when none is set. */
export function geminiLabel(detection: PythonDict): string {
  for (const key of LABEL_KEYS) {
    const value = dictGet(detection, key);
    if (value !== undefined && value !== null) return pythonStr(value, detection, key);
  }
  return 'unknown';
}

/**
 * An entry's pixel box, unrounded: `box_2d` (`[y_min, x_min, y_max, x_max]`, 0–1000, as `v / 1000 * dim`)
 * wins over the normalised `x_min`…`y_max` keys (as `v * dim`). No clamping.
 */
export function convertGeminiBox(detection: PythonValue, imageHeight: number, imageWidth: number): Box {
  if (pythonContains(detection, 'box_2d')) {
    const box = getItem(detection, 'box_2d');
    const [yMin, xMin, yMax, xMax] = unpackFour(box).map((value) => arithmeticOperand(value, '/')) as Box;
    return [
      (xMin / GEMINI_BOX_SCALE) * imageWidth,
      (yMin / GEMINI_BOX_SCALE) * imageHeight,
      (xMax / GEMINI_BOX_SCALE) * imageWidth,
      (yMax / GEMINI_BOX_SCALE) * imageHeight,
    ];
  }
  return [
    arithmeticOperand(getItem(detection, 'x_min'), '*') * imageWidth,
    arithmeticOperand(getItem(detection, 'y_min'), '*') * imageHeight,
    arithmeticOperand(getItem(detection, 'x_max'), '*') * imageWidth,
    arithmeticOperand(getItem(detection, 'y_max'), '*') * imageHeight,
  ];
}

/** `a, b, c, d = value`: any iterable of exactly four items unpacks. */
export function unpackFour(value: PythonValue): [PythonValue, PythonValue, PythonValue, PythonValue] {
  const items = pythonIterate(value);
  if (items.length !== 4) {
    throw new PythonError('ValueError', items.length < 4 ? `not enough values to unpack (expected 4, got ${items.length})` : 'too many values to unpack (expected 4)');
  }
  return items as [PythonValue, PythonValue, PythonValue, PythonValue];
}

/**
 * The Gemini parser (reference §3.1): Gemini in v1 and v2, and Claude in v1. Entries must be objects;
 * coordinates are rounded half-to-even after scaling; confidence defaults to 1 and is clamped.
 */
export function parseGeminiDetections(parsed: PythonValue, context: ParseContext): Detections {
  const classIndex = new ClassIndex(context.classes);
  const { height, width } = context.image;
  const entries = geminiEntries(parsed);
  if (pythonLength(entries) === 0) return Detections.empty();
  return detectionsWithMetadata(labelledBoxRows(pythonIterate(entries), classIndex, (detection) => convertGeminiBox(detection, height, width)), context);
}
