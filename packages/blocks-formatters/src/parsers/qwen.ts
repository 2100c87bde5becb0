import { Detections, type Box } from '@flow/kinds';
import type { PythonDict, PythonValue } from '../json/python-json.js';
import { pythonFloat } from '../numbers/python-float.js';
import { roundHalfEven } from '../numbers/round-half-even.js';
import { ClassIndex } from '../python/class-index.js';
import { pythonStr } from '../python/python-str.js';
import { dictGet, isDict, isPythonNumber, PythonError } from '../python/semantics.js';
import { convertThousandScaleBox } from './thousand-scale-box.js';
import { detectionsWithMetadata, type DetectionRows, type ParseContext } from './attach-metadata.js';

const BOX_KEYS = ['box_2d', 'bbox_2d'] as const;
const LABEL_KEYS = ['label', 'description', 'class_name', 'class'] as const;

/** A list root, or an object whose `detections` is a list. */
function qwenEntries(parsed: PythonValue): PythonValue[] {
  if (Array.isArray(parsed)) return parsed;
  if (isDict(parsed)) {
    const detections = dictGet(parsed, 'detections');
    if (Array.isArray(detections)) return detections;
  }
  throw new PythonError('ValueError', 'Unexpected Qwen object detection response format');
}

/** The first of `box_2d`, `bbox_2d` holding exactly four numbers (booleans are not numbers), as floats; else null. */
export function readQwenBox(detection: PythonDict): [number, number, number, number] | null {
  for (const key of BOX_KEYS) {
    const box = dictGet(detection, key);
    if (Array.isArray(box) && box.length === 4 && box.every(isPythonNumber)) {
      return box.map(pythonFloat) as [number, number, number, number];
    }
  }
  return null;
}

/** `str()` of the first non-null of `label`, `description`, `class_name`, `class`; else `"unknown"`. */
export function readQwenLabel(detection: PythonDict): string {
  for (const key of LABEL_KEYS) {
    const value = dictGet(detection, key);
    if (value !== undefined && value !== null) return pythonStr(value, detection, key);
  }
  return 'unknown';
}

/** Muse and Qwen share the 0–1000 box rule. */
export const convertQwenBox = convertThousandScaleBox;

/**
 * The Qwen parser (reference §3.5), v2 `qwen`: entries that are not objects or have no well-formed box
 * are skipped; the model's confidence is ignored (always 1); nothing left gives empty predictions.
 */
export function parseQwenDetections(parsed: PythonValue, context: ParseContext): Detections {
  const entries = qwenEntries(parsed);
  const classIndex = new ClassIndex(context.classes);
  const { height, width } = context.image;
  const rows: DetectionRows = { xyxy: [], classId: [], className: [], confidence: [] };
  for (const detection of entries) {
    if (!isDict(detection)) continue;
    const box = readQwenBox(detection);
    if (box === null) continue;
    const label = readQwenLabel(detection);
    rows.xyxy.push(convertQwenBox(box, height, width).map(roundHalfEven) as Box);
    rows.classId.push(classIndex.idOf(label));
    rows.className.push(label);
    rows.confidence.push(1);
  }
  if (rows.xyxy.length === 0) return Detections.empty();
  return detectionsWithMetadata(rows, context);
}
