import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { DetectionColumn, floatZeroToOneKind, imageKind, instanceSegmentationPredictionKind, objectDetectionPredictionKind, stringKind, type Detections, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { mergeDetections, moveDetections } from '../crops/select-detections.js';
import { nonMaxMerge, nonMaxSuppression } from './overlap-filter.js';

export interface DetectionsStitchInputs {
  reference_image: WorkflowImage;
  predictions: Detections[];
  overlap_filtering_strategy: 'none' | 'nms' | 'nmm';
  iou_threshold: number;
}

const predictionKinds = [objectDetectionPredictionKind, instanceSegmentationPredictionKind];

const manifest = z.object({
  reference_image: selector([imageKind], { description: 'The image the slices were cut from.' }),
  predictions: selector(predictionKinds, { description: 'Detections made on the slices (one level deeper than the image).' }),
  overlap_filtering_strategy: literalOrSelector(z.enum(['none', 'nms', 'nmm']), [stringKind]).default('nms'),
  iou_threshold: literalOrSelector(z.number().min(0).max(1), [floatZeroToOneKind]).default(0.3),
});

/**
 * `roboflow_core/detections_stitch@v1`: merges the detections made on the slices of an image back into one
 * set in the image's coordinates (each set moved by its slice's offset in the parent), then removes the
 * duplicates of overlapping slices with NMS (default) or NMM. Input offsets: `predictions` sits one level
 * below `reference_image`.
 */
export const detectionsStitchV1 = defineBlock<DetectionsStitchInputs, typeof manifest>({
  type: 'roboflow_core/detections_stitch@v1',
  name: 'Detections Stitch',
  blockType: 'fusion',
  shortDescription: 'Merges detections made against multiple pieces of input image into single detection.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'advanced', icon: 'fal fa-reel', blockPriority: 2, supervision: true } },
  manifest,
  outputs: { predictions: predictionKinds },
  inputDimensionalityOffsets: { reference_image: 0, predictions: 1 },
  dimensionalityReferenceProperty: 'reference_image',
  run: ({ reference_image, predictions, overlap_filtering_strategy, iou_threshold }) => {
    const merged = mergeDetections(predictions.map((detections) => toReferenceImage(detections, reference_image)));
    if (overlap_filtering_strategy === 'none') return { predictions: merged };
    return { predictions: overlap_filtering_strategy === 'nms' ? nonMaxSuppression(merged, iou_threshold) : nonMaxMerge(merged, iou_threshold) };
  },
});

/** One slice's detections in the reference image's coordinates, with the image's lineage. */
function toReferenceImage(detections: Detections, image: WorkflowImage): Detections {
  if (detections.length === 0) return detections;
  const offsets = detections.data[DetectionColumn.parentCoordinates] as Array<[number, number]> | undefined;
  if (!offsets) {
    throw new Error(`Offset for crops is expected in the \`${DetectionColumn.parentCoordinates}\` column of the detections, but it is missing: the block that made them does not record crop lineage.`);
  }
  const scaling = detections.data.scaling_relative_to_parent as number[] | undefined;
  if (scaling && Math.abs(scaling[0]! - 1) > 1e-4) {
    throw new Error('Detections Stitch got scaled boxes: it merges detections of crops of one image, which cannot be resized in the meantime. Check which step output is plugged in.');
  }
  const [dx, dy] = offsets[0]!;
  const rows = detections.length;
  const fill = <T>(value: T) => Array.from({ length: rows }, () => value);
  const parent = image.parentOrigin;
  const root = image.rootParentOrigin;
  return moveDetections(detections, dx, dy).withData({
    [DetectionColumn.imageDimensions]: fill([image.height, image.width]),
    [DetectionColumn.parentId]: fill(image.parentId),
    [DetectionColumn.parentCoordinates]: fill([parent.offsetX, parent.offsetY]),
    [DetectionColumn.parentDimensions]: fill([parent.height, parent.width]),
    [DetectionColumn.rootParentId]: fill(image.rootParentId),
    [DetectionColumn.rootParentCoordinates]: fill([root.offsetX, root.offsetY]),
    [DetectionColumn.rootParentDimensions]: fill([root.height, root.width]),
  });
}
