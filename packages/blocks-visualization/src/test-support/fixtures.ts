import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createEngine, defineBlock, defineBlockPack, selector } from '@flow/engine';
import { Detections, imageKind, objectDetectionPredictionKind, classificationPredictionKind, type WorkflowImage } from '@flow/kinds';
import sharp from 'sharp';
import { z } from 'zod';
import { visualizationPack } from '../pack.js';

export const petsPath = fileURLToPath(new URL('../../../../examples/workflows/pets.png', import.meta.url));
export const fixturePath = (name: string) => fileURLToPath(new URL(`../__fixtures__/${name}`, import.meta.url));

/** The dog and the cat of examples/workflows/pets.png (320x240), as vlm_as_detector finds them there. */
export function petDetections(): Detections {
  return new Detections(
    [
      [22, 60, 138, 199],
      [180, 40, 300, 180],
    ],
    [0.94, 0.88],
    [1, 0],
    { class_name: ['dog', 'cat'], detection_id: ['d1', 'd2'] },
  );
}

/** Test-only source blocks: fixed detections and classifications for an image. */
const petsBlock = defineBlock<{ image: WorkflowImage }>({
  type: 'test_visualization/pets@v1',
  name: 'Pets',
  blockType: 'model',
  shortDescription: 'Answers the pets of pets.png.',
  manifest: z.object({ image: selector([imageKind]) }),
  outputs: { predictions: [objectDetectionPredictionKind], classification: [classificationPredictionKind] },
  run: ({ image }) => ({
    predictions: petDetections(),
    classification: { image: { width: image.width, height: image.height }, predictions: [{ class: 'cat', class_id: 0, confidence: 0.31 }, { class: 'dog', class_id: 1, confidence: 0.69 }], top: 'dog', confidence: 0.69, prediction_type: 'classification', parent_id: image.parentId },
  }),
});

export const engine = createEngine({ packs: [visualizationPack, defineBlockPack({ name: 'test_visualization', blocks: [petsBlock] })] });

/** Runs one visualization step over pets.png and its fixed predictions; returns the output image. */
export async function visualizePets(step: Record<string, unknown>, predictions: 'predictions' | 'classification' = 'predictions'): Promise<WorkflowImage> {
  const workflow = engine.compile({
    version: '1.0',
    inputs: [{ type: 'WorkflowImage', name: 'image' }],
    steps: [
      { type: 'test_visualization/pets@v1', name: 'pets', image: '$inputs.image' },
      { name: 'draw', image: '$inputs.image', predictions: `$steps.pets.${predictions}`, ...step },
    ],
    outputs: [{ type: 'JsonField', name: 'image', selector: '$steps.draw.image' }],
  });
  const [record] = await workflow.run({ image: { type: 'base64', value: (await readFile(petsPath)).toString('base64') } });
  return record!.image as WorkflowImage;
}

/** Raw RGB pixels of an encoded image. */
export async function rgbPixels(bytes: Uint8Array): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<[number, number, number]> {
  const { data, width } = await rgbPixels(bytes);
  const offset = (y * width + x) * 3;
  return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
}

/**
 * How far two images are apart: the share of pixels whose largest channel difference exceeds
 * `channelTolerance`. Sizes must match.
 */
export async function differingPixelShare(actual: Uint8Array, expected: Uint8Array, channelTolerance = 8): Promise<number> {
  const a = await rgbPixels(actual);
  const b = await rgbPixels(expected);
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  let differing = 0;
  for (let offset = 0; offset < a.data.length; offset += 3) {
    const delta = Math.max(Math.abs(a.data[offset]! - b.data[offset]!), Math.abs(a.data[offset + 1]! - b.data[offset + 1]!), Math.abs(a.data[offset + 2]! - b.data[offset + 2]!));
    if (delta > channelTolerance) differing++;
  }
  return differing / (a.width * a.height);
}
