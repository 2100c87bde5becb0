import { DetectionColumn, Detections, type Box, type ImageOrigin } from '@flow/kinds';
import { newDetectionId } from './detection-id.js';

/** What the parsers read from the input image: its size and where it came from. `WorkflowImage` fits. */
export interface FormatterImage {
  readonly width: number;
  readonly height: number;
  readonly parentId: string;
  readonly rootParentId: string;
  readonly parentOrigin: ImageOrigin;
  readonly rootParentOrigin: ImageOrigin;
}

/** Everything a parser needs besides the parsed JSON. */
export interface ParseContext {
  image: FormatterImage;
  classes: unknown;
  inferenceId: string;
  /** Makes a detection id; a random UUID v4 unless a caller (a test, a benchmark) wants otherwise. */
  newId?: () => string;
}

/** One parser's rows before the metadata columns are added. */
export interface DetectionRows {
  xyxy: Box[];
  classId: number[];
  className: string[];
  confidence: number[];
}

export const PREDICTION_TYPE = 'object-detection';

/**
 * numpy keeps strings in fixed-width arrays and drops trailing NUL characters on the way out, so a
 * label `"cat\0"` comes back as `"cat"` in the reference's `class_name` column.
 */
export function asNumpyString(text: string): string {
  return text.charCodeAt(text.length - 1) === 0 ? text.replace(/\0+$/, '') : text;
}

/**
 * Detections with the columns every non-Florence parser attaches (reference §0.4): class names, image
 * size, the inference id, fresh detection ids, the prediction type and the parent / root lineage.
 */
export function detectionsWithMetadata(rows: DetectionRows, context: ParseContext): Detections {
  const count = rows.xyxy.length;
  const { image } = context;
  return new Detections(rows.xyxy, rows.confidence, rows.classId, {
    [DetectionColumn.className]: rows.className.map(asNumpyString),
    [DetectionColumn.imageDimensions]: repeat(count, () => [image.height, image.width]),
    [DetectionColumn.inferenceId]: repeat(count, () => context.inferenceId),
    [DetectionColumn.detectionId]: repeat(count, context.newId ?? newDetectionId),
    [DetectionColumn.predictionType]: repeat(count, () => PREDICTION_TYPE),
    ...lineageColumns(image, count),
  });
}

/** Root first, then parent, as the reference attaches them. */
export function lineageColumns(image: FormatterImage, count: number): Record<string, unknown[]> {
  const root = image.rootParentOrigin;
  const parent = image.parentOrigin;
  return {
    [DetectionColumn.rootParentId]: repeat(count, () => image.rootParentId),
    [DetectionColumn.rootParentCoordinates]: repeat(count, () => [root.offsetX, root.offsetY]),
    [DetectionColumn.rootParentDimensions]: repeat(count, () => [root.height, root.width]),
    [DetectionColumn.parentId]: repeat(count, () => image.parentId),
    [DetectionColumn.parentCoordinates]: repeat(count, () => [parent.offsetX, parent.offsetY]),
    [DetectionColumn.parentDimensions]: repeat(count, () => [parent.height, parent.width]),
  };
}

/** One fresh value per row (no shared arrays between rows). */
export function repeat<T>(count: number, make: () => T): T[] {
  const values = new Array<T>(count);
  for (let row = 0; row < count; row++) values[row] = make();
  return values;
}
