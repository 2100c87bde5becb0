import { crc32 } from 'node:zlib';
import { Detections, imageKind, integerKind, languageModelOutputKind, listOfValuesKind, objectDetectionPredictionKind, stringKind, wildcardKind, WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { defineBlock } from '../block/define-block.js';
import { defineBlockPack } from '../block/define-block-pack.js';
import { flowControl } from '../block/flow-control.js';
import { literalOrSelector, selector, stepSelector } from '../block/selectors.js';

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

/**
 * Flow control: continues with `next_steps` when `value` equals `pass_when`, otherwise stops them (one
 * decision per element, or one for the run when `value` is scalar).
 */
export const gateBlock = defineBlock<{ value: unknown; pass_when: unknown; next_steps: string[] }>({
  type: 'test/gate@v1',
  name: 'Gate',
  blockType: 'flow_control',
  shortDescription: 'Continues with next_steps when value equals pass_when.',
  manifest: z.object({
    value: selector([wildcardKind]),
    pass_when: z.union([z.string(), z.number(), z.boolean()]),
    next_steps: z.array(stepSelector()),
  }),
  outputs: {},
  run: ({ value, pass_when, next_steps }) => flowControl(value === pass_when ? next_steps : null),
});

/**
 * Cuts an image into `columns` vertical strips (output dimensionality +1). The strips are header-only PNGs
 * (no pixels: this block is for engine tests), with crop lineage: parent id `<parent id>/<column>`.
 */
export const stripsBlock = defineBlock<{ image: WorkflowImage; columns: number }>({
  type: 'test/strips@v1',
  name: 'Strips',
  blockType: 'transformation',
  shortDescription: 'Cuts an image into vertical strips: one nested element per strip.',
  manifest: z.object({ image: selector([imageKind]), columns: literalOrSelector(z.number().int().min(0), [integerKind]).default(2) }),
  outputs: { crops: [imageKind] },
  outputDimensionalityOffset: 1,
  run: ({ image, columns }) => {
    const width = Math.floor(image.width / Math.max(columns, 1));
    return Array.from({ length: columns }, (_, column) => ({
      crops: WorkflowImage.cropOf(image, pngHeader(width, image.height), { id: `${image.parentId}/${column}`, offsetX: column * width, offsetY: 0 }),
    }));
  },
});

/** Collapses one level (output dimensionality -1): the list of the nested values under each element. */
export const gatherBlock = defineBlock<{ values: unknown[] }>({
  type: 'test/gather@v1',
  name: 'Gather',
  blockType: 'fusion',
  shortDescription: 'Gathers the nested values under each element into one list.',
  manifest: z.object({ values: selector([wildcardKind]) }),
  outputs: { values: [listOfValuesKind] },
  outputDimensionalityOffset: -1,
  run: ({ values }) => ({ values }),
});

/** Joins the nested `items` under each element (input offset 1) after `prefix` (offset 0, the reference). */
export const joinBlock = defineBlock<{ prefix: unknown; items: unknown[] }>({
  type: 'test/join@v1',
  name: 'Join',
  blockType: 'fusion',
  shortDescription: 'Joins the nested items under an element after a prefix.',
  manifest: z.object({ prefix: selector([wildcardKind]), items: selector([wildcardKind]) }),
  outputs: { joined: [stringKind] },
  inputDimensionalityOffsets: { prefix: 0, items: 1 },
  dimensionalityReferenceProperty: 'prefix',
  run: ({ prefix, items }) => ({ joined: `${String(prefix)}:${items.map(String).join(',')}` }),
});

/** Accepts empty values: the first of `values` that is not null, else `fallback`. */
export const coalesceBlock = defineBlock<{ values: unknown[]; fallback: unknown }>({
  type: 'test/coalesce@v1',
  name: 'Coalesce',
  blockType: 'formatter',
  shortDescription: 'The first value that is not null, else a fallback.',
  manifest: z.object({ values: z.array(selector([wildcardKind])), fallback: z.union([z.string(), z.number()]).default('none') }),
  outputs: { value: [wildcardKind] },
  acceptsEmptyValues: true,
  run: ({ values, fallback }) => ({ value: values.find((value) => value !== null && value !== undefined) ?? fallback }),
});

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Every block above, as the pack `test`. */
export const testBlocksPack = defineBlockPack({
  name: 'test',
  blocks: [upperBlock, imageSizeBlock, describeBatchBlock, boxBlock, countBlock, failBlock, waitBlock, echoBlock, gateBlock, stripsBlock, gatherBlock, joinBlock, coalesceBlock],
});
