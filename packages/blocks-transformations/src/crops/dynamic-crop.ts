import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import {
  DetectionColumn,
  floatZeroToOneKind,
  imageKind,
  instanceSegmentationPredictionKind,
  keypointDetectionPredictionKind,
  objectDetectionPredictionKind,
  stringKind,
  type Detections,
  type WorkflowImage,
} from '@flow/kinds';
import { z } from 'zod';
import { numpySlice, roundHalfEven } from './geometry.js';
import { cutImage } from './pixels.js';
import { moveDetections, selectRows } from './select-detections.js';

const predictionKinds = [objectDetectionPredictionKind, instanceSegmentationPredictionKind, keypointDetectionPredictionKind];

export interface DynamicCropInputs {
  images: WorkflowImage[];
  predictions: Detections[];
  mask_opacity: number;
  background_color: string | [number, number, number];
}

const manifest = z.object({
  images: selector([imageKind], { title: 'Image to Crop', description: 'The image to crop.' }),
  predictions: selector(predictionKinds, { title: 'Regions of Interest', description: 'Detections to crop: one crop per detection.' }),
  mask_opacity: literalOrSelector(z.number().min(0).max(1), [floatZeroToOneKind]).default(0),
  background_color: literalOrSelector(z.union([z.string(), z.tuple([z.number().int(), z.number().int(), z.number().int()])]), [stringKind]).default([0, 0, 0]),
});

/**
 * `roboflow_core/dynamic_crop@v1` (aliases `DynamicCrop`, `Crop`): one crop per detection, a nested batch
 * (output dimensionality +1). Each crop's parent is its detection (parent id = detection id) at the box's
 * rounded top-left corner, and `predictions` is that detection moved into the crop's coordinates.
 */
export const dynamicCropV1 = defineBlock<DynamicCropInputs, typeof manifest>({
  type: 'roboflow_core/dynamic_crop@v1',
  aliases: ['DynamicCrop', 'Crop'],
  name: 'Dynamic Crop',
  blockType: 'transformation',
  shortDescription: 'Crop an image using bounding boxes from a detection model.',
  longDescription:
    'Cuts one crop out of the image for every detection. The crops form a nested batch: steps that take them run once per crop, and outputs list the crops of each image. Each crop remembers where it sits in the image, so detections made on it map back to the full image.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'transformation', icon: 'far fa-crop-alt', blockPriority: 0, popular: true } },
  manifest,
  propertyAliases: { image: 'images', detections: 'predictions' },
  outputs: { crops: [imageKind], predictions: predictionKinds },
  batchParameters: ['images', 'predictions'],
  outputDimensionalityOffset: 1,
  run: ({ images, predictions }) => Promise.all(images.map((image, index) => cropDetections(image, predictions[index]!))),
});

/** The crop records of one image: `{ crops, predictions }` per detection, nulls for an empty crop. */
export async function cropDetections(image: WorkflowImage, detections: Detections): Promise<Array<{ crops: WorkflowImage | null; predictions: Detections | null }>> {
  if (detections.length === 0) return [];
  const ids = detections.data[DetectionColumn.detectionId];
  if (!ids) throw new Error('Detections passed to the crop step lack the `detection_id` column that identifies each crop.');
  return Promise.all(
    detections.xyxy.map(async (box, row) => {
      const [xMin, yMin, xMax, yMax] = box.map(roundHalfEven) as [number, number, number, number];
      const [left, right] = numpySlice(xMin, xMax, image.width);
      const [top, bottom] = numpySlice(yMin, yMax, image.height);
      if (right <= left || bottom <= top) return { crops: null, predictions: null };
      const crops = await cutImage(image, { x: left, y: top, width: right - left, height: bottom - top }, String(ids[row]), { x: xMin, y: yMin });
      return { crops, predictions: moveDetections(selectRows(detections, [row]), -xMin, -yMin) };
    }),
  );
}
