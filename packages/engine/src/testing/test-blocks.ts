import { Detections, imageKind, integerKind, languageModelOutputKind, objectDetectionPredictionKind, stringKind, wildcardKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { defineBlock } from '../block/define-block.js';
import { defineBlockPack } from '../block/define-block-pack.js';
import { literalOrSelector, selector } from '../block/selectors.js';

/**
 * Small deterministic blocks for testing hosts of the engine (servers, CLIs, block packs), and the engine's own
 * tests. Every type id is `test/<name>@v1`; `testBlocksPack` registers them all under the pack name `test`.
 */

/** Upper-cases `text`, repeated `times` (1 to 3) times. */
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

/** Reports `width`, `height` and `description` ("WxH") of an image. */
export const imageSizeBlock = defineBlock<{ image: WorkflowImage }>({
  type: 'test/image_size@v1',
  name: 'Image size',
  blockType: 'transformation',
  shortDescription: 'Reports the size of an image.',
  manifest: z.object({ image: selector([imageKind]) }),
  outputs: { width: [integerKind], height: [integerKind], description: [stringKind] },
  run: ({ image }) => ({ width: image.width, height: image.height, description: `${image.width}x${image.height}` }),
});

/** A batch block: answers `<prompt>:<parent id>` per image, and the size of the batch it saw. */
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

/**
 * A formatter: one detection of class `class_name` (default "half") covering the left half of the image, or null
 * predictions and `error_status` 1 when `text` starts with "none".
 */
export const boxBlock = defineBlock<{ image: WorkflowImage; text: string; class_name: string }>({
  type: 'test/box@v1',
  name: 'Box',
  blockType: 'formatter',
  shortDescription: 'Returns one detection covering the left half, or null predictions for text starting with "none".',
  manifest: z.object({
    image: selector([imageKind]),
    text: selector([languageModelOutputKind]),
    class_name: literalOrSelector(z.string(), [stringKind]).default('half'),
  }),
  outputs: { predictions: [objectDetectionPredictionKind], error_status: [integerKind] },
  run: ({ image, text, class_name }) => {
    if (text.startsWith('none')) return { predictions: null, error_status: 1 };
    const column = <T>(value: T) => [value];
    return {
      predictions: new Detections([[0, 0, image.width / 2, image.height]], [0.5], [0], {
        class_name: column(class_name),
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

/** Counts detections. */
export const countBlock = defineBlock<{ predictions: Detections }>({
  type: 'test/count@v1',
  name: 'Count',
  blockType: 'analytics',
  shortDescription: 'Counts detections.',
  manifest: z.object({ predictions: selector([objectDetectionPredictionKind]) }),
  outputs: { count: [integerKind] },
  run: ({ predictions }) => ({ count: predictions.length }),
});

/** Always throws an `Error` with `message` (default "boom at /secret/path"), e.g. to test how a host masks errors. */
export const failBlock = defineBlock<{ value: unknown; message: string }>({
  type: 'test/fail@v1',
  name: 'Fail',
  blockType: 'transformation',
  shortDescription: 'Always throws.',
  manifest: z.object({ value: selector([wildcardKind]), message: z.string().default('boom at /secret/path') }),
  outputs: { value: [wildcardKind] },
  run: ({ message }) => {
    throw new Error(message);
  },
});

/** Waits `milliseconds` (default 50), then echoes `value`; rejects with the signal's reason on abort. */
export const waitBlock = defineBlock<{ value: unknown; milliseconds: number }>({
  type: 'test/wait@v1',
  name: 'Wait',
  blockType: 'transformation',
  shortDescription: 'Waits, then echoes its value; honours the abort signal.',
  manifest: z.object({ value: selector([wildcardKind]), milliseconds: literalOrSelector(z.number(), [integerKind]).default(50) }),
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

/** Echoes `value`, and `list` (or null). */
export const echoBlock = defineBlock<{ value: unknown; list?: unknown[] }>({
  type: 'test/echo@v1',
  name: 'Echo',
  blockType: 'transformation',
  shortDescription: 'Echoes a value and a list of values.',
  manifest: z.object({ value: selector([wildcardKind]), list: z.array(literalOrSelector(z.string(), [stringKind])).optional() }),
  outputs: { value: [wildcardKind], list: [wildcardKind] },
  run: ({ value, list }) => ({ value, list: list ?? null }),
});

/** Every block above, as the pack `test`. */
export const testBlocksPack = defineBlockPack({
  name: 'test',
  blocks: [upperBlock, imageSizeBlock, describeBatchBlock, boxBlock, countBlock, failBlock, waitBlock, echoBlock],
});
