import { randomUUID } from 'node:crypto';
import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { floatZeroToOneKind, imageKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { numpySlice, roundHalfEven } from './geometry.js';
import { cutImage } from './pixels.js';

export interface RelativeStaticCropInputs {
  images: WorkflowImage[];
  x_center: number;
  y_center: number;
  width: number;
  height: number;
}

const fraction = (description: string) => literalOrSelector(z.number().min(0).max(1), [floatZeroToOneKind], { description });

const manifest = z.object({
  images: selector([imageKind], { title: 'Image', description: 'The image to crop.' }),
  x_center: fraction('Centre of the crop along the x axis, as a fraction of the width.'),
  y_center: fraction('Centre of the crop along the y axis, as a fraction of the height.'),
  width: fraction('Width of the crop, as a fraction of the image width.'),
  height: fraction('Height of the crop, as a fraction of the image height.'),
});

/**
 * `roboflow_core/relative_statoic_crop@v1`, the reference's type id, typo included (aliases
 * `RelativeStaticCrop` and the spelling `roboflow_core/relative_static_crop@v1`): a rectangle given as
 * fractions of each image's size.
 */
export const relativeStaticCropV1 = defineBlock<RelativeStaticCropInputs, typeof manifest>({
  type: 'roboflow_core/relative_statoic_crop@v1',
  aliases: ['RelativeStaticCrop', 'roboflow_core/relative_static_crop@v1'],
  name: 'Relative Static Crop',
  blockType: 'transformation',
  shortDescription: 'Crop an image proportional (%) to its dimensions.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'transformation', icon: 'far fa-crop-alt', blockPriority: 2 } },
  manifest,
  propertyAliases: { image: 'images' },
  outputs: { crops: [imageKind] },
  batchParameters: ['images'],
  run: ({ images, x_center, y_center, width, height }) =>
    Promise.all(images.map(async (image) => ({ crops: await relativeCrop(image, x_center, y_center, width, height) }))),
});

async function relativeCrop(image: WorkflowImage, xCenter: number, yCenter: number, width: number, height: number): Promise<WorkflowImage | null> {
  const centreX = roundHalfEven(image.width * xCenter);
  const centreY = roundHalfEven(image.height * yCenter);
  const cropWidth = roundHalfEven(image.width * width);
  const cropHeight = roundHalfEven(image.height * height);
  const xMin = roundHalfEven(centreX - cropWidth / 2);
  const yMin = roundHalfEven(centreY - cropHeight / 2);
  // The reference slices without clipping, so numpy's slice rules decide what a rectangle past the edge keeps.
  const [left, right] = numpySlice(xMin, xMin + cropWidth, image.width);
  const [top, bottom] = numpySlice(yMin, yMin + cropHeight, image.height);
  if (right <= left || bottom <= top) return null;
  return cutImage(image, { x: left, y: top, width: right - left, height: bottom - top }, `relative_static_crop.${randomUUID()}`, { x: xMin, y: yMin });
}
