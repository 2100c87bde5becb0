import type { ImageLimits, ImagePart } from '@flow/providers-core';
import { makePng, startFakeOpenRouter, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createOpenRouter } from './create-openrouter.js';

const calls = vi.hoisted(() => [] as ImageLimits[]);
vi.mock('@flow/providers-core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@flow/providers-core')>()),
  prepareImage: async (part: ImagePart, limits: ImageLimits) => {
    calls.push(limits);
    return part;
  },
}));

let fake: FakeVendor;
beforeEach(async () => {
  calls.length = 0;
  fake = await startFakeOpenRouter();
});
afterEach(() => fake.close());

it.each([
  ['openai/gpt-4o', 'low', { key: 'openai:low', maxLongEdge: 512 }],
  ['anthropic/claude-sonnet-4.5', undefined, { key: 'openrouter:anthropic', maxLongEdge: 1568, maxPixels: 1_150_000 }],
  ['google/gemini-2.5-flash', undefined, { key: 'openrouter:google', maxLongEdge: 3072 }],
  ['meta-llama/llama-3.2-11b-vision-instruct', undefined, { key: 'openrouter:llama-3.2-vision', maxPixels: 1120 * 1120 }],
  ['qwen/qwen2.5-vl-72b-instruct', undefined, { key: 'openrouter:default', maxLongEdge: 2048 }],
] as const)('%s images are prepared with the upstream limits', async (modelId, detail, limits) => {
  const model = createOpenRouter({ apiKey: 'sk-or-test', baseURL: fake.baseURL }).languageModel(modelId);
  await model.generate({ content: [{ type: 'image', data: makePng(2, 2), mediaType: 'image/png', ...(detail ? { detail } : {}) }] });
  expect(calls).toEqual([expect.objectContaining(limits)]);
});
