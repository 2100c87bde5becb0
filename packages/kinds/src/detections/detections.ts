/** Names of the data columns that producers of detections set (the supervision / Roboflow names). */
export const DetectionColumn = {
  className: 'class_name',
  detectionId: 'detection_id',
  parentId: 'parent_id',
  parentCoordinates: 'parent_coordinates',
  parentDimensions: 'parent_dimensions',
  rootParentId: 'root_parent_id',
  rootParentCoordinates: 'root_parent_coordinates',
  rootParentDimensions: 'root_parent_dimensions',
  imageDimensions: 'image_dimensions',
  inferenceId: 'inference_id',
  predictionType: 'prediction_type',
} as const;

export type Box = [xMin: number, yMin: number, xMax: number, yMax: number];

/**
 * A set of detections in columnar form, like supervision's `Detections`: one row per detection across
 * `xyxy`, `confidence`, `classId` and every named `data` column (`class_name`, `detection_id`, ...).
 */
export class Detections {
  constructor(
    readonly xyxy: Box[],
    readonly confidence: number[],
    readonly classId: number[],
    readonly data: Record<string, unknown[]> = {},
  ) {
    const rows = xyxy.length;
    if (confidence.length !== rows || classId.length !== rows) {
      throw new RangeError(`Detections columns differ in length: xyxy ${rows}, confidence ${confidence.length}, classId ${classId.length}`);
    }
    for (const [name, column] of Object.entries(data)) {
      if (column.length !== rows) throw new RangeError(`Detections data column "${name}" has ${column.length} rows, expected ${rows}`);
    }
  }

  /** No detections and no data columns. */
  static empty(): Detections {
    return new Detections([], [], []);
  }

  get length(): number {
    return this.xyxy.length;
  }

  get className(): string[] | undefined {
    return this.data[DetectionColumn.className] as string[] | undefined;
  }

  get detectionId(): string[] | undefined {
    return this.data[DetectionColumn.detectionId] as string[] | undefined;
  }

  /** A copy with some data columns replaced or added. */
  withData(columns: Record<string, unknown[]>): Detections {
    return new Detections(this.xyxy, this.confidence, this.classId, { ...this.data, ...columns });
  }

  /** A copy with boxes replaced. */
  withBoxes(xyxy: Box[]): Detections {
    return new Detections(xyxy, this.confidence, this.classId, this.data);
  }
}
