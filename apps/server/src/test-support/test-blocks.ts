import { defineBlock, defineBlockPack, literalOrSelector, selector } from '@flow/engine';
import { Detections, imageKind, integerKind, languageModelOutputKind, objectDetectionPredictionKind, secretKind, stringKind, wildcardKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';

// Small blocks for the server's tests, adapted from the engine's own test blocks (not exported there).

export const upperBlock = defineBlock<{ text: string }>({
  type: 'servertest/upper@v1',
  aliases: ['Upper'],
  name: 'Upper',
  blockType: 'transformation',
  shortDescription: 'Upper-cases text.',
  manifest: z.object({ text: literalOrSelector(z.string(), [stringKind, languageModelOutputKind]) }),
  outputs: { text: [stringKind] },
  run: ({ text }) => ({ text: text.toUpperCase() }),
});

export const imageSizeBlock = defineBlock<{ image: WorkflowImage }>({
  type: 'servertest/image_size@v1',
  name: 'Image size',
  blockType: 'transformation',
  shortDescription: 'Reports the size of an image.',
  manifest: z.object({ image: selector([imageKind]) }),
  outputs: { width: [integerKind], height: [integerKind] },
  run: ({ image }) => ({ width: image.width, height: image.height }),
});

export const boxBlock = defineBlock<{ image: WorkflowImage; text: string }>({
  type: 'servertest/box@v1',
  name: 'Box',
  blockType: 'formatter',
  shortDescription: 'One detection covering the left half of the image.',
  manifest: z.object({ image: selector([imageKind]), text: selector([languageModelOutputKind, stringKind]) }),
  outputs: { predictions: [objectDetectionPredictionKind] },
  run: ({ image, text }) => {
    const column = <T>(value: T) => [value];
    return {
      predictions: new Detections([[0, 0, image.width / 2, image.height]], [0.5], [0], {
        class_name: column(text),
        detection_id: column('d-1'),
        parent_id: column(image.parentId),
        root_parent_id: column(image.rootParentId),
        image_dimensions: column([image.height, image.width]),
      }),
    };
  },
});

export const failBlock = defineBlock<{ value: unknown }>({
  type: 'servertest/fail@v1',
  name: 'Fail',
  blockType: 'transformation',
  shortDescription: 'Always throws, with an API key and a path in its message.',
  manifest: z.object({ value: selector([wildcardKind]) }),
  outputs: { value: [wildcardKind] },
  run: () => {
    throw new Error('upstream said no for https://api.example/v1?api_key=abcdefghijkl at /srv/secret/path');
  },
});

/** Waits `milliseconds`, honouring the abort signal. */
export const waitBlock = defineBlock<{ value: unknown; milliseconds: number }>({
  type: 'servertest/wait@v1',
  name: 'Wait',
  blockType: 'transformation',
  shortDescription: 'Waits, then echoes its value.',
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

/** Waits and ignores its abort signal, like a badly written block. */
export const stubbornWaitBlock = defineBlock<{ value: unknown; milliseconds: number }>({
  type: 'servertest/stubborn_wait@v1',
  name: 'Stubborn wait',
  blockType: 'transformation',
  shortDescription: 'Waits without looking at the abort signal.',
  manifest: z.object({ value: selector([wildcardKind]), milliseconds: z.number().default(50) }),
  outputs: { value: [wildcardKind] },
  run: ({ value, milliseconds }) => new Promise((resolve) => setTimeout(() => resolve({ value }), milliseconds)),
});

/** Takes a secret and returns it as a `secret` output and inside an error when asked to fail. */
export const useSecretBlock = defineBlock<{ key: string; fail: boolean }>({
  type: 'servertest/use_secret@v1',
  name: 'Use secret',
  blockType: 'model',
  shortDescription: 'Echoes its key (as a secret) or fails quoting it.',
  manifest: z.object({ key: literalOrSelector(z.string(), [secretKind, stringKind]), fail: z.boolean().default(false) }),
  outputs: { key: [secretKind], length: [integerKind] },
  run: ({ key, fail }) => {
    if (fail) throw new Error(`provider refused key ${key}`);
    return { key, length: key.length };
  },
});

export const serverTestPack = defineBlockPack({
  name: 'servertest',
  blocks: [upperBlock, imageSizeBlock, boxBlock, failBlock, waitBlock, stubbornWaitBlock, useSecretBlock],
});
