import type { Box, Detections } from '@flow/kinds';

/**
 * One row of a `Detections` set: what iterating supervision's `Detections` yields (its box, confidence,
 * class id and the row of every data column). `DetectionsFilter` binds it to the operand `_`.
 */
export class SingleDetection {
  private rowData: Readonly<Record<string, unknown>> | undefined;

  constructor(
    readonly xyxy: Box,
    readonly confidence: number,
    readonly classId: number,
    data?: Readonly<Record<string, unknown>>,
    private readonly source?: { detections: Detections; row: number },
  ) {
    this.rowData = data;
  }

  /** The row's value of every data column, gathered on first use (filters mostly read the box). */
  get data(): Readonly<Record<string, unknown>> {
    if (this.rowData === undefined) {
      const data: Record<string, unknown> = {};
      if (this.source) for (const [name, column] of Object.entries(this.source.detections.data)) data[name] = column[this.source.row];
      this.rowData = data;
    }
    return this.rowData;
  }

  /** The value of one data column in this row, without gathering the others. */
  column(name: string): unknown {
    if (this.rowData !== undefined || !this.source) return this.data[name];
    return this.source.detections.data[name]?.[this.source.row];
  }

  static at(detections: Detections, row: number): SingleDetection {
    return new SingleDetection(detections.xyxy[row]!, detections.confidence[row]!, detections.classId[row]!, undefined, { detections, row });
  }

  static rowsOf(detections: Detections): SingleDetection[] {
    return Array.from({ length: detections.length }, (_, row) => SingleDetection.at(detections, row));
  }
}
