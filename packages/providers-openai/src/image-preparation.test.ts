import type { ImageLimits, ImagePart } from '@flow/providers-core';
import { makePng, startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createOpenAI } from './create-openai.js';

// Records every prepareImage call and answers with a stand-in part, to prove each image goes through it with the
// limits of its own `detail` and that the prepared bytes (not the original) are what gets uploaded.
const calls = vi.hoisted(() => [] as { part: ImagePart; limits: ImageLimits }[]);
vi.mock('@flow/providers-core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@flow/providers-core')>()),
  prepareImage: async (part: ImagePart, limits: ImageLimits) => {
    calls.push({ part, limits });
    return { ...part, data: new Uint8Array([1, 2, 3]), mediaType: 'image/jpeg' };
  },
}));

let fake: FakeVendor;
beforeEach(async () => {
  calls.length = 0;
  fake = await startFakeOpenAI();
});
afterEach(() => fake.close());

it.each(['chat', 'responses'] as const)('%s: prepares each image with its detail limits and uploads the prepared bytes', async (api) => {
  const model = createOpenAI({ apiKey: 'sk-test-key', baseURL: fake.baseURL, api }).languageModel('gpt-4o');
  const png = makePng(2, 2);
  await model.generate({
    content: [
      { type: 'image', data: png, mediaType: 'image/png', detail: 'low' },
      { type: 'image', data: png, mediaType: 'image/png', detail: 'high' },
      { type: 'image', data: png, mediaType: 'image/png' },
    ],
  });
  expect(calls.map((call) => call.limits)).toEqual([
    { key: 'openai:low', maxLongEdge: 512, maxBytes: 20 * 1024 * 1024, mediaTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] },
    expect.objectContaining({ key: 'openai:high', maxLongEdge: 2048, maxShortEdge: 768 }),
    expect.objectContaining({ key: 'openai:high' }),
  ]);
  expect(fake.requests[0]!.body).toContain('data:image/jpeg;base64,AQID');
  expect(fake.requests[0]!.body).not.toContain(Buffer.from(png).toString('base64'));
});

it('uses the patch budget for patch models', async () => {
  const model = createOpenAI({ apiKey: 'sk-test-key', baseURL: fake.baseURL }).languageModel('gpt-4.1-mini');
  await model.generate({ content: [{ type: 'image', data: makePng(2, 2), mediaType: 'image/png', detail: 'high' }] });
  expect(calls[0]!.limits).toMatchObject({ key: 'openai:patches', maxPixels: 1536 * 32 * 32 });
});
