import type { ImageLimits, ImagePart } from '@flow/providers-core';
import { makePng, startFakeAnthropic, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createAnthropic } from './create-anthropic.js';
import { ANTHROPIC_IMAGE_LIMITS } from './image-limits.js';

const calls = vi.hoisted(() => [] as ImageLimits[]);
vi.mock('@flow/providers-core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@flow/providers-core')>()),
  prepareImage: async (part: ImagePart, limits: ImageLimits) => {
    calls.push(limits);
    return { ...part, data: new Uint8Array([9, 9]), mediaType: 'image/jpeg' };
  },
}));

let fake: FakeVendor;
beforeEach(async () => {
  calls.length = 0;
  fake = await startFakeAnthropic();
});
afterEach(() => fake.close());

it('prepares every image with Claude limits and sends the prepared bytes and media type', async () => {
  const model = createAnthropic({ apiKey: 'sk-ant-test', baseURL: fake.baseURL }).languageModel('claude-sonnet-4-5');
  await model.generate({ content: [{ type: 'image', data: makePng(2, 2), mediaType: 'image/png' }, { type: 'image', data: makePng(3, 3), mediaType: 'image/png' }] });
  expect(calls).toEqual([ANTHROPIC_IMAGE_LIMITS, ANTHROPIC_IMAGE_LIMITS]);
  expect(ANTHROPIC_IMAGE_LIMITS).toMatchObject({ maxLongEdge: 1568, maxPixels: 1_150_000, maxBytes: 5 * 1024 * 1024 });
  const content = (fake.requests[0]!.json as { messages: { content: unknown[] }[] }).messages[0]!.content;
  expect(content[0]).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: 'CQk=' } });
});
