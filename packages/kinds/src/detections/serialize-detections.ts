import { markFloatFields } from '../json/float-fields.js';
import { DetectionColumn, type Detections } from './detections.js';

type Pair = [number, number];

/** Keys placed after `detection_id` when a detection carries them, in the reference order. */
const trailingColumnsBeforeParent = ['path_deviation', 'time_in_zone', 'polygon'];
const trailingColumnsAfterParent = [
  'keypoints',
  'data',
  'velocity',
  'speed',
  'smoothed_velocity',
  'smoothed_speed',
  'area_px',
  'area_converted',
  'nearest_target_distance',
];

/** Box and score are Python floats in the reference (`120.0`); ids and image sizes are ints. */
const floatDetectionFields = ['width', 'height', 'x', 'y', 'confidence'];

export interface SerializedDetection {
  width: number;
  height: number;
  x: number;
  y: number;
  confidence: number;
  class_id: number;
  class: string;
  detection_id: string;
  parent_id?: string;
  [key: string]: unknown;
}

export interface SerializedDetections {
  image: { width: number | null; height: number | null };
  predictions: SerializedDetection[];
}

/**
 * The wire form of detections (reference §7.2): box centre and size, then class and ids, with the
 * crop lineage keys only for detections made on a crop. Key order matches the reference byte for byte.
 * The box and confidence fields are marked as floats (`markFloatFields`) for `stringifyJson`.
 */
export function serializeDetections(detections: Detections): SerializedDetections {
  const data = detections.data;
  const dims = data[DetectionColumn.imageDimensions] as Pair[] | undefined;
  const lastDims = detections.length > 0 ? dims?.[detections.length - 1] : undefined;
  const predictions: SerializedDetection[] = [];
  for (let row = 0; row < detections.length; row++) {
    const [x1, y1, x2, y2] = detections.xyxy[row]!;
    const width = Math.abs(x2 - x1);
    const height = Math.abs(y2 - y1);
    const entry: SerializedDetection = {
      width,
      height,
      x: x1 + width / 2,
      y: y1 + height / 2,
      confidence: detections.confidence[row]!,
      class_id: detections.classId[row]!,
    } as SerializedDetection;
    copyColumn(entry, 'tracker_id', data, row);
    entry.class = String(data[DetectionColumn.className]?.[row] ?? '');
    entry.detection_id = String(data[DetectionColumn.detectionId]?.[row] ?? '');
    for (const name of trailingColumnsBeforeParent) copyColumn(entry, name, data, row);
    const parentId = data[DetectionColumn.parentId]?.[row];
    const rootParentId = data[DetectionColumn.rootParentId]?.[row];
    if (parentId !== undefined) entry.parent_id = String(parentId);
    if (parentId !== undefined && rootParentId !== undefined && parentId !== rootParentId) {
      entry.parent_origin = origin(data[DetectionColumn.parentCoordinates]?.[row], data[DetectionColumn.parentDimensions]?.[row]);
      entry.root_parent_id = String(rootParentId);
      entry.root_parent_origin = origin(data[DetectionColumn.rootParentCoordinates]?.[row], data[DetectionColumn.rootParentDimensions]?.[row]);
    }
    for (const name of trailingColumnsAfterParent) copyColumn(entry, name, data, row);
    predictions.push(markFloatFields(entry, floatDetectionFields));
  }
  return {
    image: { width: lastDims ? lastDims[1] : null, height: lastDims ? lastDims[0] : null },
    predictions,
  };
}

function copyColumn(entry: Record<string, unknown>, name: string, data: Record<string, unknown[]>, row: number): void {
  const column = data[name];
  if (column !== undefined && column[row] !== undefined && column[row] !== null) entry[name] = column[row];
}

function origin(coordinates: unknown, dimensions: unknown): { offset_x: number; offset_y: number; width: number; height: number } {
  const [offsetX, offsetY] = (coordinates as Pair | undefined) ?? [0, 0];
  const [height, width] = (dimensions as Pair | undefined) ?? [0, 0];
  return { offset_x: offsetX, offset_y: offsetY, width, height };
}
