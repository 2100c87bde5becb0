// The engine's deterministic test blocks plus a fake model that reports usage, as a plugin module for
// `flow --plugin` in tests.
import { defineBlock, defineBlockPack, selector } from '@flow/engine';
import { testBlocksPack } from '@flow/engine/testing';
import { imageKind, stringKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';

/** Answers "seen WxH" and records 10 + width input tokens and 5 output tokens; images of width 1 are a cache hit. */
const fakeModelBlock = defineBlock<{ image: WorkflowImage }>({
  type: 'test/fake_model@v1',
  name: 'Fake model',
  blockType: 'model',
  shortDescription: 'Reports token usage like a model block.',
  manifest: z.object({ image: selector([imageKind]) }),
  outputs: { answer: [stringKind] },
  run: ({ image }, context) => {
    context.usage.record({ provider: 'fake', model: 'fake-vision-1', inputTokens: 10 + image.width, outputTokens: 5, calls: 1, cached: image.width === 1 ? 1 : 0 });
    return { answer: `seen ${image.width}x${image.height}` };
  },
});

export default defineBlockPack({ name: 'cli_test', blocks: [...testBlocksPack.blocks, fakeModelBlock] });
