import { randomUUID } from 'node:crypto';
import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { floatZeroToOneKind, imageKind, integerKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { numpySlice } from '../crops/geometry.js';
import { cutImage } from '../crops/pixels.js';
import { sliceOffsetsV1, sliceOffsetsV2, type SliceBox } from './slice-offsets.js';

export interface ImageSlicerInputs {
  image: WorkflowImage;
  slice_width: number;
  slice_height: number;
  overlap_ratio_width: number;
  overlap_ratio_height: number;
}

function slicerManifest() {
  const size = (description: string) => literalOrSelector(z.number().int().positive(), [integerKind], { description }).default(640);
  const overlap = (description: string) => literalOrSelector(z.number().min(0).lt(1), [floatZeroToOneKind], { description }).default(0.2);
  return z.object({
    image: selector([imageKind], { title: 'Image to slice', description: 'The image to tile.' }),
    slice_width: size('Width of each slice, in pixels.'),
    slice_height: size('Height of each slice, in pixels.'),
    overlap_ratio_width: overlap('Overlap of neighbouring slices along the x axis, as a fraction of the slice width.'),
    overlap_ratio_height: overlap('Overlap of neighbouring slices along the y axis, as a fraction of the slice height.'),
  });
}

const offsetsByVersion = { 1: sliceOffsetsV1, 2: sliceOffsetsV2 } as const;

/**
 * `roboflow_core/image_slicer@v1` and `@v2` (SAHI-style tiling): one slice per tile as a nested batch (output
 * dimensionality +1). v1 cuts border tiles short; v2 keeps every tile the same size and drops repeats.
 */
export function imageSlicerBlock(version: 1 | 2) {
  const manifest = slicerManifest();
  const offsets = offsetsByVersion[version];
  return defineBlock<ImageSlicerInputs, typeof manifest>({
    type: `roboflow_core/image_slicer@v${version}`,
    name: 'Image Slicer',
    blockType: 'transformation',
    shortDescription: 'Tile the input image into a list of smaller images to perform small object detection.',
    longDescription:
      'Cuts the image into overlapping tiles so a detector can find small objects; run a model on the slices and merge its detections back with Detections Stitch.',
    license: 'Apache-2.0',
    executionEngineCompatibility: '>=1.3.0,<2.0.0',
    schemaExtra: { ui_manifest: { section: 'advanced', icon: 'fal fa-scissors', blockPriority: 9, opencv: true } },
    manifest,
    propertyAliases: { images: 'image' },
    outputs: { slices: [imageKind] },
    outputDimensionalityOffset: 1,
    run: ({ image, slice_width, slice_height, overlap_ratio_width, overlap_ratio_height }) =>
      Promise.all(
        offsets(image.width, image.height, slice_width, slice_height, overlap_ratio_width, overlap_ratio_height).map(async (box) => ({ slices: await cutSlice(image, box) })),
      ),
  });
}

async function cutSlice(image: WorkflowImage, [xMin, yMin, xMax, yMax]: SliceBox): Promise<WorkflowImage | null> {
  const [left, right] = numpySlice(xMin, xMax, image.width);
  const [top, bottom] = numpySlice(yMin, yMax, image.height);
  if (right <= left || bottom <= top) return null;
  return cutImage(image, { x: left, y: top, width: right - left, height: bottom - top }, `image_slicer.${randomUUID()}`, { x: xMin, y: yMin });
}

export const imageSlicerV1 = imageSlicerBlock(1);
export const imageSlicerV2 = imageSlicerBlock(2);
