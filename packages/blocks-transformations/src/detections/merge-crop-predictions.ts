import { randomUUID } from 'node:crypto';
import { Detections, type Box } from '@flow/kinds';

export type ConfidenceStrategy = 'max' | 'mean' | 'min';
type Pair = [number, number];

const keypointKeys = ['keypoints_xy', 'keypoints_class_name', 'keypoints_class_id', 'keypoints_confidence'];
const idKeys = ['detection_id', 'parent_id', 'inference_id'];

interface CropPrediction {
  bbox: Box;
  confidence: number;
  classId: number;
  keypoints: Record<string, unknown> | undefined;
  data: Record<string, unknown>;
}

function combine(confidences: number[], strategy: ConfidenceStrategy): number {
  if (strategy === 'mean') return confidences.reduce((sum, value) => sum + value, 0) / confidences.length;
  return strategy === 'min' ? Math.min(...confidences) : Math.max(...confidences);
}

/** Groups of boxes that overlap (union-find), in order of each group's first member. */
function overlappingGroups(predictions: CropPrediction[], threshold: number): CropPrediction[][] {
  const parent = predictions.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const area = ([x1, y1, x2, y2]: Box) => (x2 - x1) * (y2 - y1);
  for (let i = 0; i < predictions.length - 1; i++) {
    const a = predictions[i]!.bbox;
    for (let j = i + 1; j < predictions.length; j++) {
      const b = predictions[j]!.bbox;
      const intersection = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
      const union = area(a) + area(b) - intersection;
      const overlapping = threshold <= 0 ? intersection > 0 : (union > 0 ? intersection / union : 0) >= threshold;
      if (overlapping) {
        const rootI = find(i);
        const rootJ = find(j);
        if (rootI !== rootJ) parent[rootI] = rootJ;
      }
    }
  }
  const groups = new Map<number, CropPrediction[]>();
  predictions.forEach((prediction, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), prediction]);
  });
  return [...groups.values()];
}

function mergeBoxes(predictions: CropPrediction[], strategy: ConfidenceStrategy, threshold: number): CropPrediction[] {
  return overlappingGroups(predictions, threshold).map((group) => ({
    bbox: [Math.min(...group.map((p) => p.bbox[0])), Math.min(...group.map((p) => p.bbox[1])), Math.max(...group.map((p) => p.bbox[2])), Math.max(...group.map((p) => p.bbox[3]))],
    confidence: combine(
      group.map((p) => p.confidence),
      strategy,
    ),
    classId: group[0]!.classId,
    keypoints: group[0]!.keypoints,
    data: group[0]!.data,
  }));
}

const meanOf = (rows: number[][][]): number[][] => rows[0]!.map((point, k) => point.map((_, axis) => rows.reduce((sum, row) => sum + row[k]![axis]!, 0) / rows.length));

/** Keypoint detections whose keypoints lie on average closer than `threshold` pixels merge. */
function mergeKeypoints(predictions: CropPrediction[], strategy: ConfidenceStrategy, threshold: number): CropPrediction[] {
  const withPoints = predictions.filter((p) => p.keypoints && 'keypoints_xy' in p.keypoints);
  const without = predictions.filter((p) => !(p.keypoints && 'keypoints_xy' in p.keypoints));
  if (withPoints.length === 0) return predictions;
  const used = new Set<number>();
  const merged: CropPrediction[] = [];
  withPoints.forEach((first, i) => {
    if (used.has(i)) return;
    used.add(i);
    const group = [first];
    const points = first.keypoints!.keypoints_xy as number[][];
    for (let j = i + 1; j < withPoints.length; j++) {
      if (used.has(j)) continue;
      const other = withPoints[j]!.keypoints!.keypoints_xy as number[][];
      if (other.length !== points.length) continue;
      const distance = points.reduce((sum, [x, y], k) => sum + Math.hypot(x! - other[k]![0]!, y! - other[k]![1]!), 0) / points.length;
      if (distance < threshold) {
        group.push(withPoints[j]!);
        used.add(j);
      }
    }
    if (group.length === 1) {
      merged.push(first);
      return;
    }
    const keypoints: Record<string, unknown> = {
      keypoints_xy: meanOf(group.map((p) => p.keypoints!.keypoints_xy as number[][])),
      keypoints_class_name: first.keypoints!.keypoints_class_name,
      keypoints_class_id: first.keypoints!.keypoints_class_id,
    };
    if ('keypoints_confidence' in first.keypoints!) {
      const confidences = group.map((p) => p.keypoints!.keypoints_confidence as number[]);
      keypoints.keypoints_confidence = confidences[0]!.map((_, k) => confidences.reduce((sum, row) => sum + row[k]!, 0) / confidences.length);
    }
    const boxes = group.map((p) => p.bbox);
    merged.push({
      bbox: [0, 1, 2, 3].map((axis) => boxes.reduce((sum, box) => sum + box[axis]!, 0) / boxes.length) as Box,
      confidence: strategy === 'max' ? group[group.map((p) => p.confidence).indexOf(Math.max(...group.map((p) => p.confidence)))]!.confidence : combine(group.map((p) => p.confidence), strategy),
      classId: first.classId,
      keypoints,
      data: first.data,
    });
  });
  return [...merged, ...without];
}

/**
 * Merges detections made on crops back into the parent image (reference `merge_crop_predictions`, for
 * boxes and keypoints): each child set is moved by its crop's offset (the parent detection's top-left),
 * same-class detections that overlap merge into their union, and the crops' zones are returned too.
 * Numbers are float32, as the reference's arrays are.
 */
export function mergeCropPredictions(
  parent: Detections,
  children: readonly Detections[],
  strategy: ConfidenceStrategy = 'max',
  overlapThreshold = 0,
  keypointMergeThreshold = 10,
): { detections: Detections; zones: Pair[][] } {
  if (parent.length !== children.length) {
    throw new Error(`Number of detections in parent_prediction (${parent.length}) must match number of child predictions (${children.length})`);
  }
  const rootDimensions = parent.data.root_parent_dimensions as Pair[] | undefined;
  if (!rootDimensions || rootDimensions.length === 0) throw new Error("parent_prediction must have 'root_parent_dimensions' in its data attribute");
  const parentShape = rootDimensions[0]!;
  const zones = parent.xyxy.map(([x1, y1, x2, y2]): Pair[] => [
    [x1, y1],
    [x2, y1],
    [x2, y2],
    [x1, y2],
  ]);
  children.forEach((child, index) => {
    if (!(child instanceof Detections)) throw new Error(`child_detections[${index}] is not a set of detections (got ${child === null ? 'null' : typeof child})`);
  });
  const isKeypoints = children.some((child) => (child.data.prediction_type as unknown[] | undefined)?.[0] === 'keypoint-detection');
  const byClass = new Map<number, CropPrediction[]>();
  children.forEach((child, index) => {
    const offsetX = Math.trunc(parent.xyxy[index]![0]);
    const offsetY = Math.trunc(parent.xyxy[index]![1]);
    for (let row = 0; row < child.length; row++) {
      let keypoints: Record<string, unknown> | undefined;
      if (isKeypoints && 'keypoints_xy' in child.data) {
        keypoints = { keypoints_xy: ((child.data.keypoints_xy![row] as number[][] | undefined) ?? []).map(([x, y]) => [x! + offsetX, y! + offsetY]) };
        for (const key of keypointKeys.slice(1)) if (key in child.data) keypoints[key] = child.data[key]![row];
      }
      const data: Record<string, unknown> = {};
      for (const [key, column] of Object.entries(child.data)) if (!idKeys.includes(key) && !keypointKeys.includes(key) && row < column.length) data[key] = column[row];
      const [x1, y1, x2, y2] = child.xyxy[row]!;
      const classId = child.classId[row]!;
      byClass.set(classId, [...(byClass.get(classId) ?? []), { bbox: [x1 + offsetX, y1 + offsetY, x2 + offsetX, y2 + offsetY], confidence: child.confidence[row]!, classId, keypoints, data }]);
    }
  });
  const dataKeys = [...new Set(children.flatMap((child) => Object.keys(child.data)))].filter((key) => !keypointKeys.includes(key));
  const classDefaults = new Map<number, Record<string, unknown>>();
  for (const child of children) {
    for (let row = 0; row < child.length; row++) {
      const classId = child.classId[row]!;
      if (classDefaults.has(classId)) continue;
      const defaults: Record<string, unknown> = {};
      for (const [key, column] of Object.entries(child.data)) if (!idKeys.includes(key) && !keypointKeys.includes(key) && row < column.length) defaults[key] = column[row];
      classDefaults.set(classId, defaults);
    }
  }
  const first = children[0];
  const sampleInferenceId = first && first.length > 0 ? first.data.inference_id?.[0] : undefined;
  const sampleParentId = first && first.length > 0 ? first.data.parent_id?.[0] : undefined;
  const merged: CropPrediction[] = [];
  for (const predictions of byClass.values()) {
    merged.push(...(isKeypoints ? mergeKeypoints(predictions, strategy, keypointMergeThreshold) : mergeBoxes(predictions, strategy, overlapThreshold)));
  }
  if (merged.length === 0) return { detections: Detections.empty(), zones };
  const data: Record<string, unknown[]> = Object.fromEntries(dataKeys.map((key) => [key, []]));
  for (const prediction of merged) {
    const defaults = classDefaults.get(prediction.classId) ?? {};
    for (const key of dataKeys) {
      let value: unknown;
      if (key === 'detection_id') value = randomUUID();
      else if (key === 'parent_id') value = sampleParentId || randomUUID();
      else if (key === 'inference_id') value = sampleInferenceId || randomUUID();
      else if (key === 'root_parent_dimensions' || key === 'parent_dimensions' || key === 'image_dimensions') value = [...parentShape];
      else if (key === 'root_parent_coordinates' || key === 'parent_coordinates') value = key in defaults ? defaults[key] : [0, 0];
      else if (key === 'root_parent_id') value = key in defaults ? defaults[key] : 'image';
      else if (key === 'prediction_type') value = 'instance-segmentation';
      else value = key in prediction.data ? prediction.data[key] : key in defaults ? defaults[key] : null;
      data[key]!.push(value);
    }
  }
  if (isKeypoints) {
    for (const key of keypointKeys) {
      const values = merged.filter((p) => p.keypoints).map((p) => p.keypoints![key] ?? null);
      if (values.length > 0 && values.some((value) => value !== null)) data[key] = merged.map((p) => p.keypoints?.[key] ?? null);
    }
  }
  const detections = new Detections(
    merged.map((p) => p.bbox.map(Math.fround) as Box),
    merged.map((p) => Math.fround(p.confidence)),
    merged.map((p) => p.classId),
    data,
  );
  return { detections, zones };
}
