import { Detections, type Box } from '@flow/kinds';
import type { PythonValue } from '../json/python-json.js';
import { clampConfidence } from '../numbers/python-float.js';
import { roundHalfEven } from '../numbers/round-half-even.js';
import { ClassIndex } from '../python/class-index.js';
import { pythonStr } from '../python/python-str.js';
import { getItem, isDict, PythonError, pythonIterate, pythonLength, pythonTypeName } from '../python/semantics.js';
import { detectionsWithMetadata, type DetectionRows, type ParseContext } from './attach-metadata.js';
import { arithmeticOperand } from './operands.js';

/**
 * The legacy normalised parser (reference §3.2; v2 Claude, and OpenAI's `{"detections": [...]}` form
 * without `box_2d`): the root must be an object with `detections`; every entry needs `x_min`…`y_max`
 * (0–1, as `v * dim`) and `class_name`. The label is used as written for the class lookup; the
 * `class_name` column holds its `str()` so the column stays text.
 */
export function parseLegacyNormalizedDetections(parsed: PythonValue, context: ParseContext): Detections {
  const classIndex = new ClassIndex(context.classes);
  const { height, width } = context.image;
  const entries = getItem(parsed, 'detections');
  if (pythonLength(entries) === 0) return Detections.empty();
  const rows: DetectionRows = { xyxy: [], classId: [], className: [], confidence: [] };
  for (const detection of pythonIterate(entries)) {
    const box: Box = [
      arithmeticOperand(getItem(detection, 'x_min'), '*') * width,
      arithmeticOperand(getItem(detection, 'y_min'), '*') * height,
      arithmeticOperand(getItem(detection, 'x_max'), '*') * width,
      arithmeticOperand(getItem(detection, 'y_max'), '*') * height,
    ];
    if (!isDict(detection)) throw new PythonError('TypeError', `'${pythonTypeName(detection)}' entry is not an object`);
    const label = getItem(detection, 'class_name');
    rows.classId.push(classIndex.idOf(label));
    rows.className.push(pythonStr(label, detection, 'class_name'));
    rows.xyxy.push(box.map(roundHalfEven) as Box);
    rows.confidence.push(clampConfidence(Object.hasOwn(detection, 'confidence') ? detection.confidence : 1));
  }
  return detectionsWithMetadata(rows, context);
}
