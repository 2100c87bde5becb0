import { type FakeVllm, startFakeVllm } from '@flow/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PoolingApiError } from '../errors/pooling-api-error.js';
import { createPoolingClient } from '../index.js';
import { sumUsage } from './merge-responses.js';
import { chunk, promptList } from './prompt-list.js';

let fake: FakeVllm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const texts = (count: number) => Array.from({ length: count }, (_, i) => `review number ${i} ${'word '.repeat(i % 7)}`);

describe('splitting long lists', () => {
  it('treats string lists and token-id lists as prompt lists, but a flat token-id list as one prompt', () => {
    expect(promptList(['a', 'b'])).toEqual(['a', 'b']);
    expect(promptList([[1], [2]])).toEqual([[1], [2]]);
    expect(promptList([1, 2, 3])).toBeUndefined();
    expect(promptList('a')).toBeUndefined();
    expect(chunk([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([
      { start: 0, items: [1, 2, 3] },
      { start: 3, items: [4, 5, 6] },
      { start: 6, items: [7] },
    ]);
  });

  it('reassembles uneven chunks in input order, as one response would be, even when chunks finish out of order', async () => {
    fake = await startFakeVllm();
    const inputs = texts(23);
    const reference = await createPoolingClient({ baseURL: fake.url }).classify({ input: inputs }, { requestId: 'whole' });
    // The first chunk is slowest, so later chunks finish first.
    fake.setFault({ kind: 'latency', ms: 60, times: 1 });
    const batched = await createPoolingClient({ baseURL: fake.url, maxBatchSize: 5, maxConcurrency: 3 }).classify({ input: inputs }, { requestId: 'whole' });
    expect(batched).toEqual({ ...reference, created: batched.created });
    const chunkInputs = fake.requests.slice(1).map((request) => (request.json as { input: string[] }).input.length);
    expect(chunkInputs).toEqual([5, 5, 5, 5, 3]);
  });

  it('splits lists of token-id prompts but never one token-id prompt', async () => {
    fake = await startFakeVllm();
    const client = createPoolingClient({ baseURL: fake.url, maxBatchSize: 2 });
    const prompts = [[11, 12], [13], [14, 15, 16], [17], [18]];
    const response = await client.classify({ input: prompts });
    expect(response.data.map((item) => item.index)).toEqual([0, 1, 2, 3, 4]);
    expect(response.usage.prompt_tokens).toBe(8);
    await client.classify({ input: [1, 2, 3, 4, 5] });
    expect(fake.requests.map((request) => (request.json as { input: unknown[] }).input.length)).toEqual([2, 2, 1, 5]);
  });

  it('batches pooling and embeddings the same way', async () => {
    fake = await startFakeVllm({ task: 'embed' });
    const client = createPoolingClient({ baseURL: fake.url, maxBatchSize: 4 });
    const whole = await createPoolingClient({ baseURL: fake.url }).embeddings({ input: texts(10) });
    const split = await client.embeddings({ input: texts(10) });
    expect(split.data).toEqual(whole.data);
    expect(split.usage).toEqual(whole.usage);
    expect((await client.pooling({ input: texts(9) })).data.map((item) => item.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('never has more than maxConcurrency requests in flight', async () => {
    fake = await startFakeVllm({ latencyMs: 15 });
    const client = createPoolingClient({ baseURL: fake.url, maxBatchSize: 2, maxConcurrency: 3 });
    // Two calls at once share the client's limit.
    await Promise.all([client.classify({ input: texts(20) }), client.classify({ input: texts(20) })]);
    expect(fake.requests).toHaveLength(20);
    expect(fake.maxInFlight).toBe(3);
  });

  it('fails the whole call on the first failing chunk, names its inputs, and stops the others', async () => {
    fake = await startFakeVllm({ latencyMs: 30, maxModelLength: 16 });
    const client = createPoolingClient({ baseURL: fake.url, maxBatchSize: 4, maxConcurrency: 2 });
    const inputs = texts(40);
    inputs[9] = 'too long '.repeat(20);
    const error = await client.classify({ input: inputs }).catch((caught: unknown) => caught);
    expect(PoolingApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, param: 'input_tokens', inputRange: { start: 8, end: 12 } });
    expect((error as Error).message).toContain('inputs 8..11 of 40');
    expect(fake.requests.length).toBeLessThan(10);
  });
});

describe('sumUsage', () => {
  it('adds token counts and keeps nullable fields as one response would have them', () => {
    const usage = { prompt_tokens: 3, total_tokens: 3, completion_tokens: 0, prompt_tokens_details: null };
    expect(sumUsage([usage, { ...usage, prompt_tokens: 4, total_tokens: 4 }])).toEqual({ prompt_tokens: 7, total_tokens: 7, completion_tokens: 0, prompt_tokens_details: null });
    expect(sumUsage([{ ...usage, prompt_tokens_details: { cached_tokens: 2 } }, usage]).prompt_tokens_details).toEqual({ cached_tokens: 2 });
    expect(sumUsage([{ prompt_tokens: 1, total_tokens: 1 }])).toEqual({ prompt_tokens: 1, total_tokens: 1 });
  });
});
