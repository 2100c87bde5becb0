import { Detections, imageKind, integerKind, languageModelOutputKind, objectDetectionPredictionKind, stringKind, wildcardKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { defineBlock } from '../block/define-block.js';
import { defineBlockPack } from '../block/define-block-pack.js';
import { literalOrSelector, selector } from '../block/selectors.js';

/** Blocks used by the engine's own tests. */
export const upperBlock = defineBlock<{ text: string; times: number }>({
  type: 'test/upper@v1',
  aliases: ['Upper'],
  name: 'Upper',
  blockType: 'transformation',
  shortDescription: 'Upper-cases text.',
  manifest: z.object({
    text: literalOrSelector(z.string(), [stringKind, languageModelOutputKind]),
    times: literalOrSelector(z.number().int().min(1).max(3), [integerKind]).default(1),
  }),
  outputs: { text: [stringKind] },
  run: ({ text, times }) => ({ text: text.toUpperCase().repeat(times) }),
});

export const imageSizeBlock = defineBlock<{ image: WorkflowImage }>({
  type: 'test/image_size@v1',
  name: 'Image size',
  blockType: 'transformation',
  shortDescription: 'Reports the size of an image.',
  manifest: z.object({ image: selector([imageKind]) }),
  outputs: { width: [integerKind], height: [integerKind], description: [stringKind] },
  run: ({ image }) => ({ width: image.width, height: image.height, description: `${image.width}x${image.height}` }),
});

export const describeBatchBlock = defineBlock<{ images: WorkflowImage[]; prompt: string }>({
  type: 'test/describe_batch@v1',
  name: 'Describe batch',
  blockType: 'model',
  shortDescription: 'Answers per image, seeing the whole batch at once.',
  manifest: z.object({ images: selector([imageKind]), prompt: literalOrSelector(z.string(), [stringKind]) }),
  batchParameters: ['images'],
  outputs: { output: [stringKind, languageModelOutputKind], batch_size: [integerKind] },
  run: async ({ images, prompt }) => images.map((image) => ({ output: `${prompt}:${image.parentId}`, batch_size: images.length })),
});

export const boxBlock = defineBlock<{ image: WorkflowImage; text: string }>({
  type: 'test/box@v1',
  name: 'Box',
  blockType: 'formatter',
  shortDescription: 'Returns one detection covering the left half, or null predictions for text starting with "none".',
  manifest: z.object({ image: selector([imageKind]), text: selector([languageModelOutputKind]) }),
  outputs: { predictions: [objectDetectionPredictionKind], error_status: [integerKind] },
  run: ({ image, text }) => {
    if (text.startsWith('none')) return { predictions: null, error_status: 1 };
    const column = <T>(value: T) => [value];
    return {
      predictions: new Detections([[0, 0, image.width / 2, image.height]], [0.5], [0], {
        class_name: column('half'),
        detection_id: column('d-1'),
        parent_id: column(image.parentId),
        root_parent_id: column(image.rootParentId),
        image_dimensions: column([image.height, image.width]),
        parent_coordinates: column([image.parentOrigin.offsetX, image.parentOrigin.offsetY]),
        parent_dimensions: column([image.parentOrigin.height, image.parentOrigin.width]),
        root_parent_coordinates: column([image.rootParentOrigin.offsetX, image.rootParentOrigin.offsetY]),
        root_parent_dimensions: column([image.rootParentOrigin.height, image.rootParentOrigin.width]),
      }),
      error_status: 0,
    };
  },
});

export const countBlock = defineBlock<{ predictions: Detections }>({
  type: 'test/count@v1',
  name: 'Count',
  blockType: 'analytics',
  shortDescription: 'Counts detections.',
  manifest: z.object({ predictions: selector([objectDetectionPredictionKind]) }),
  outputs: { count: [integerKind] },
  run: ({ predictions }) => ({ count: predictions.length }),
});

export const failBlock = defineBlock<{ value: unknown }>({
  type: 'test/fail@v1',
  name: 'Fail',
  blockType: 'transformation',
  shortDescription: 'Always throws.',
  manifest: z.object({ value: selector([wildcardKind]) }),
  outputs: { value: [wildcardKind] },
  run: () => {
    throw new Error('boom at /secret/path');
  },
});

export const waitBlock = defineBlock<{ value: unknown; milliseconds: number }>({
  type: 'test/wait@v1',
  name: 'Wait',
  blockType: 'transformation',
  shortDescription: 'Waits, then echoes its value; honours the abort signal.',
  manifest: z.object({ value: selector([wildcardKind]), milliseconds: z.number().default(50) }),
  outputs: { value: [wildcardKind] },
  run: ({ value, milliseconds }, { signal }) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve({ value }), milliseconds);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    }),
});

export const echoBlock = defineBlock<{ value: unknown; list?: unknown[] }>({
  type: 'test/echo@v1',
  name: 'Echo',
  blockType: 'transformation',
  shortDescription: 'Echoes a value and a list of values.',
  manifest: z.object({ value: selector([wildcardKind]), list: z.array(literalOrSelector(z.string(), [stringKind])).optional() }),
  outputs: { value: [wildcardKind], list: [wildcardKind] },
  run: ({ value, list }) => ({ value, list: list ?? null }),
});

export const testPack = defineBlockPack({
  name: 'test',
  blocks: [upperBlock, imageSizeBlock, describeBatchBlock, boxBlock, countBlock, failBlock, waitBlock, echoBlock],
});
