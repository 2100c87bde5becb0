import { DetectionColumn } from '@flow/kinds';
import { InvalidInputTypeError, OperationError } from '../errors.js';
import { SingleDetection } from '../detections/single-detection.js';
import { pythonClass, safeStringify } from '../python/values.js';
import type { DetectionsProperty } from '../schemas/enums.js';
import type { OperationScope } from './operation-scope.js';

type Extractor = (detection: SingleDetection) => unknown;

const boxExtractors: Partial<Record<DetectionsProperty, Extractor>> = {
  x_min: ({ xyxy }) => xyxy[0],
  y_min: ({ xyxy }) => xyxy[1],
  x_max: ({ xyxy }) => xyxy[2],
  y_max: ({ xyxy }) => xyxy[3],
  confidence: ({ confidence }) => confidence,
  class_id: ({ classId }) => classId,
  size: ({ xyxy: [x1, y1, x2, y2] }) => (y2 - y1) * (x2 - x1),
  center: ({ xyxy: [x1, y1, x2, y2] }) => [x1 + (x2 - x1) / 2, y1 + (y2 - y1) / 2],
  top_left: ({ xyxy: [x1, y1] }) => [x1, y1],
  top_right: ({ xyxy: [, y1, x2] }) => [x2, y1],
  bottom_left: ({ xyxy: [x1, , , y2] }) => [x1, y2],
  bottom_right: ({ xyxy: [, , x2, y2] }) => [x2, y2],
};

/**
 * A property of the one detection a `DetectionsFilter` binds to `_`: box values unrounded, `class_name`
 * required, every other property read from the detection's data (null when absent).
 */
export function extractDetectionProperty(value: unknown, property: DetectionsProperty, scope: OperationScope): unknown {
  if (!(value instanceof SingleDetection)) {
    throw new InvalidInputTypeError({
      message: `While executing extract_detection_property(...) operation in context ${scope.context} it was expected to get 6-elements tuple representing single element. Got value: ${safeStringify(value)} of type ${pythonClass(value)} `,
      context: scope.context,
    });
  }
  const fromBox = boxExtractors[property];
  if (fromBox) return fromBox(value);
  if (property === 'class_name') {
    const className = value.column(DetectionColumn.className);
    if (className === undefined || className === null) {
      throw new OperationError({ message: `While executing extract_detection_property(...) operation in context ${scope.context}, the detection has no class_name`, context: scope.context });
    }
    return className;
  }
  return value.column(property) ?? null;
}
