import type { Box } from '@flow/kinds';
import type { PythonValue } from '../json/python-json.js';
import { clampConfidence } from '../numbers/python-float.js';
import { roundHalfEven } from '../numbers/round-half-even.js';
import type { ClassIndex } from '../python/class-index.js';
import { isDict, PythonError, pythonTypeName } from '../python/semantics.js';
import type { DetectionRows } from './attach-metadata.js';
import { geminiLabel } from './gemini.js';

/**
 * The row loop shared by the Gemini, OpenAI-absolute and SpaceXAI parsers: each entry's box comes from
 * `toBox` (converted before the entry is checked to be an object, as the reference does), its label from
 * the Gemini keys, its confidence defaults to 1; boxes are rounded half to even.
 */
export function labelledBoxRows(entries: Iterable<PythonValue>, classIndex: ClassIndex, toBox: (detection: PythonValue) => readonly number[]): DetectionRows {
  const rows: DetectionRows = { xyxy: [], classId: [], className: [], confidence: [] };
  for (const detection of entries) {
    const box = toBox(detection);
    if (!isDict(detection)) throw new PythonError('TypeError', `'${pythonTypeName(detection)}' entry is not an object`);
    const label = geminiLabel(detection);
    rows.xyxy.push(box.map(roundHalfEven) as Box);
    rows.classId.push(classIndex.idOf(label));
    rows.className.push(label);
    rows.confidence.push(clampConfidence(Object.hasOwn(detection, 'confidence') ? detection.confidence : 1));
  }
  return rows;
}
