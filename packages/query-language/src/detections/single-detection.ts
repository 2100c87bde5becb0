import type { Box, Detections } from '@flow/kinds';

/**
 * One row of a `Detections` set: what iterating supervision's `Detections` yields (its box, confidence,
 * class id and the row of every data column). `DetectionsFilter` binds it to the operand `_`.
 */
export class SingleDetection {
  constructor(
    readonly xyxy: Box,
    readonly confidence: number,
    readonly classId: number,
    readonly data: Readonly<Record<string, unknown>>,
  ) {}

  static at(detections: Detections, row: number): SingleDetection {
    const data: Record<string, unknown> = {};
    for (const [name, column] of Object.entries(detections.data)) data[name] = column[row];
    return new SingleDetection(detections.xyxy[row]!, detections.confidence[row]!, detections.classId[row]!, data);
  }

  static rowsOf(detections: Detections): SingleDetection[] {
    return Array.from({ length: detections.length }, (_, row) => SingleDetection.at(detections, row));
  }
}
