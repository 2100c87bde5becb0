import { defineBlock, defineBlockPack, literalOrSelector, selector } from '@flow/engine';
import { testBlocksPack } from '@flow/engine/testing';
import { integerKind, secretKind, stringKind, wildcardKind } from '@flow/kinds';
import { z } from 'zod';

// The server's tests run the engine's shared test blocks (`test/...@v1`, from @flow/engine/testing) plus the two
// below, which only a host needs: a block that ignores its abort signal, and one that handles a secret.

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
  blocks: [...testBlocksPack.blocks, stubbornWaitBlock, useSecretBlock],
});
