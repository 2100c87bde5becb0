import type { ImageLimits, ImagePart } from '@flow/providers-core';
import { makePng, startFakeGemini, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createGemini } from './create-gemini.js';
import { GEMINI_IMAGE_LIMITS } from './image-limits.js';

const calls = vi.hoisted(() => [] as ImageLimits[]);
vi.mock('@flow/providers-core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@flow/providers-core')>()),
  prepareImage: async (part: ImagePart, limits: ImageLimits) => {
    calls.push(limits);
    return { ...part, data: new Uint8Array([7]), mediaType: 'image/jpeg' };
  },
}));

let fake: FakeVendor;
beforeEach(async () => {
  calls.length = 0;
  fake = await startFakeGemini();
});
afterEach(() => fake.close());

it('prepares every image with Gemini limits and sends the prepared bytes inline', async () => {
  const model = createGemini({ apiKey: 'AIza-test-key', baseURL: fake.baseURL }).languageModel('gemini-2.5-flash');
  await model.generate({ content: [{ type: 'image', data: makePng(2, 2), mediaType: 'image/png' }] });
  expect(calls).toEqual([GEMINI_IMAGE_LIMITS]);
  expect(GEMINI_IMAGE_LIMITS).toMatchObject({ maxLongEdge: 3072 });
  const parts = (fake.requests[0]!.json as { contents: { parts: unknown[] }[] }).contents[0]!.parts;
  expect(parts[0]).toEqual({ inlineData: { mimeType: 'image/jpeg', data: 'Bw==' } });
});
