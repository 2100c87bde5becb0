import { randomUUID } from 'node:crypto';
import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { imageKind, integerKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { roundHalfEven } from './geometry.js';
import { cutImage } from './pixels.js';

export interface AbsoluteStaticCropInputs {
  images: WorkflowImage[];
  x_center: number;
  y_center: number;
  width: number;
  height: number;
}

const pixels = (description: string) => literalOrSelector(z.number().int().positive(), [integerKind], { description });

const manifest = z.object({
  images: selector([imageKind], { title: 'Image', description: 'The image to crop.' }),
  x_center: pixels('Centre of the crop along the x axis, in pixels.'),
  y_center: pixels('Centre of the crop along the y axis, in pixels.'),
  width: pixels('Width of the crop, in pixels.'),
  height: pixels('Height of the crop, in pixels.'),
});

/**
 * `roboflow_core/absolute_static_crop@v1` (alias `AbsoluteStaticCrop`): the same pixel rectangle from every
 * image, clipped to the image; null when nothing of it lies inside.
 */
export const absoluteStaticCropV1 = defineBlock<AbsoluteStaticCropInputs, typeof manifest>({
  type: 'roboflow_core/absolute_static_crop@v1',
  aliases: ['AbsoluteStaticCrop'],
  name: 'Absolute Static Crop',
  blockType: 'transformation',
  shortDescription: 'Crop an image using fixed pixel coordinates.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'transformation', icon: 'far fa-crop-alt', blockPriority: 1 } },
  manifest,
  propertyAliases: { image: 'images' },
  outputs: { crops: [imageKind] },
  batchParameters: ['images'],
  run: ({ images, x_center, y_center, width, height }) =>
    Promise.all(images.map(async (image) => ({ crops: await absoluteCrop(image, x_center, y_center, width, height) }))),
});

async function absoluteCrop(image: WorkflowImage, xCenter: number, yCenter: number, width: number, height: number): Promise<WorkflowImage | null> {
  const xMin = Math.max(0, roundHalfEven(xCenter - width / 2));
  const yMin = Math.max(0, roundHalfEven(yCenter - height / 2));
  const xMax = Math.min(image.width, roundHalfEven(roundHalfEven(xCenter - width / 2) + width));
  const yMax = Math.min(image.height, roundHalfEven(roundHalfEven(yCenter - height / 2) + height));
  if (xMax <= xMin || yMax <= yMin) return null;
  return cutImage(image, { x: xMin, y: yMin, width: xMax - xMin, height: yMax - yMin }, `absolute_static_crop.${randomUUID()}`);
}
