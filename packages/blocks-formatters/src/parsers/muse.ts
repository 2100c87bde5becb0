import { Detections, type Box } from '@flow/kinds';
import { findLooseObjects } from '../json/extract-json.js';
import type { PythonDict, PythonValue } from '../json/python-json.js';
import { pythonFloat } from '../numbers/python-float.js';
import { roundHalfEven } from '../numbers/round-half-even.js';
import { ClassIndex } from '../python/class-index.js';
import { pythonStr } from '../python/python-str.js';
import { dictGet, isDict, isPythonNumber, isTruthy, PythonError } from '../python/semantics.js';
import { convertThousandScaleBox } from './thousand-scale-box.js';
import { detectionsWithMetadata, type DetectionRows, type ParseContext } from './attach-metadata.js';

const BOX_FIELDS = ['x_min', 'y_min', 'x_max', 'y_max'] as const;

function hasAllBoxFields(dict: PythonDict): boolean {
  return BOX_FIELDS.every((field) => Object.hasOwn(dict, field));
}

/** The object entries of a list, of an object's `detections` list, or a single object with all four box fields. */
function museEntries(parsed: PythonValue): PythonDict[] {
  if (Array.isArray(parsed)) return parsed.filter(isDict);
  if (isDict(parsed)) {
    const detections = dictGet(parsed, 'detections');
    if (Array.isArray(detections)) return detections.filter(isDict);
    if (hasAllBoxFields(parsed)) return [parsed];
  }
  throw new PythonError('ValueError', 'Unexpected Muse object detection response format');
}

/**
 * The four named fields as floats, or null when one is missing, not a number (booleans and numeric
 * strings do not count) or not finite. An integer too large for a double raises, as Python's `float()` does.
 */
export function readMuseBox(detection: PythonDict): [number, number, number, number] | null {
  const box: number[] = [];
  for (const field of BOX_FIELDS) {
    const value = dictGet(detection, field);
    if (!isPythonNumber(value)) return null;
    const number = pythonFloat(value);
    if (!Number.isFinite(number)) return null;
    box.push(number);
  }
  return box as [number, number, number, number];
}

/** Muse and Qwen share the 0–1000 box rule. */
export const convertMuseBox = convertThousandScaleBox;

/** The Muse parser (reference §3.6), v2 `muse`: bad entries are skipped; confidence is always 1. */
export function parseMuseDetections(parsed: PythonValue, context: ParseContext): Detections {
  const entries = museEntries(parsed);
  const classIndex = new ClassIndex(context.classes);
  const { height, width } = context.image;
  const rows: DetectionRows = { xyxy: [], classId: [], className: [], confidence: [] };
  for (const detection of entries) {
    const box = readMuseBox(detection);
    if (box === null) continue;
    // `str(label or "unknown")`: a missing or falsy label (None, "", 0, false, [], {}) is "unknown".
    const label = dictGet(detection, 'label');
    const name = isTruthy(label) ? pythonStr(label, detection, 'label') : 'unknown';
    rows.xyxy.push(convertMuseBox(box, height, width).map(roundHalfEven) as Box);
    rows.classId.push(classIndex.idOf(name));
    rows.className.push(name);
    rows.confidence.push(1);
  }
  if (rows.xyxy.length === 0) return Detections.empty();
  return detectionsWithMetadata(rows, context);
}

/**
 * The v2 block's fallback for Muse when the text is not one JSON value: objects written back to back
 * (`{...}, {...}`) that carry all four box fields. Null when none is found, or where the reference's
 * scan raises (see `findLooseObjects`).
 */
export function recoverLooseMuseObjects(vlmOutput: string): PythonDict[] | null {
  const found = findLooseObjects(vlmOutput, hasAllBoxFields);
  return found !== null && found.length > 0 ? found : null;
}
