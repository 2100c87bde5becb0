import { type FakeVllm, type FakeVllmOptions, startFakeVllm } from '@flow/testing';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { type ClassifyChatRequest, type ClassifyResponse, createPoolingClient, imageClassifyRequest } from './index.js';

let fake: FakeVllm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: FakeVllmOptions = {}, clientOptions: Parameters<typeof createPoolingClient>[0] = {}) {
  fake = await startFakeVllm(options);
  return { fake, client: createPoolingClient({ baseURL: fake.url, ...clientOptions }) };
}

const lastBody = (server: FakeVllm) => server.requests.at(-1)?.json;

describe('classify, completion style', () => {
  it('classifies one text, several texts, one token-id prompt and several, typed', async () => {
    const { client } = await setup();
    const one = await client.classify({ input: 'The delivery came early.' });
    expectTypeOf(one).toEqualTypeOf<ClassifyResponse>();
    expectTypeOf(one.data[0]!.label).toEqualTypeOf<string | null>();
    expect(one).toMatchObject({ object: 'list', model: 'fake/classifier', data: [{ index: 0, num_classes: 2 }] });
    expect(['Default', 'Spoiled']).toContain(one.data[0]!.label);
    expect((await client.classify({ input: ['a', 'b', 'c'] })).data.map((item) => item.index)).toEqual([0, 1, 2]);
    expect((await client.classify({ input: [1986, 1985, 572] })).data).toHaveLength(1);
    expect((await client.classify({ input: [[1986, 1985], [572, 9073]] })).data).toHaveLength(2);
  });

  it('sends every parameter the caller set, verbatim, and nothing else', async () => {
    const { fake, client } = await setup({}, { apiKey: 'sk-test' });
    const request = {
      model: 'fake/classifier',
      input: ['x'],
      user: 'u-1',
      truncate_prompt_tokens: -1,
      truncation_side: 'left',
      request_id: 'ignored-by-vllm',
      priority: -5,
      mm_processor_kwargs: { max_pixels: 401408 },
      cache_salt: 'tenant-a',
      add_special_tokens: false,
      use_activation: false,
    } as const;
    const response = await client.classify(request);
    expect(lastBody(fake)).toEqual(request);
    const sent = fake.requests.at(-1)!;
    expect(sent.headers['authorization']).toBe('Bearer sk-test');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(response.id).toBe(`classify-${sent.headers['x-request-id']}`);
  });

  it('uses the caller request id as X-Request-Id, so vLLM puts it in the response id', async () => {
    const { client } = await setup();
    expect((await client.classify({ input: 'x' }, { requestId: 'trace-42' })).id).toBe('classify-trace-42');
  });

  it('returns raw logits with use_activation false and null labels when the model has no names', async () => {
    const { client } = await setup({ labels: [null, null, null] });
    const { data } = await client.classify({ input: 'x', use_activation: false });
    expect(data[0]).toMatchObject({ label: null, num_classes: 3 });
  });
});

describe('classify, chat style', () => {
  it('sends messages with image parts and gets exactly one result', async () => {
    const { fake, client } = await setup();
    const request: ClassifyChatRequest = {
      messages: [
        { role: 'system', content: 'You label short traffic clips.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Please classify this video.' },
            { type: 'video_url', video_url: { url: 'https://media.example.com/clips/slow_traffic_small.mp4' } },
          ],
        },
      ],
      add_generation_prompt: false,
      continue_final_message: false,
      add_special_tokens: false,
      chat_template_kwargs: { enable_thinking: false },
      media_io_kwargs: { video: { num_frames: 16 } },
      truncate_prompt_tokens: -1,
    };
    const response = await client.classify(request);
    expect(response.data).toHaveLength(1);
    expect(response.data[0]!.index).toBe(0);
    expect(lastBody(fake)).toEqual(request);
  });

  it('classifies an image from bytes through the helper', async () => {
    const { fake, client } = await setup();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const response = await client.classify(imageClassifyRequest({ image: png, text: 'Please classify this image.', mm_processor_kwargs: { max_pixels: 401408 } }));
    expect(response.data).toHaveLength(1);
    expect(lastBody(fake)).toMatchObject({
      messages: [{ role: 'user', content: [{ type: 'text' }, { type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/) } }] }],
      mm_processor_kwargs: { max_pixels: 401408 },
    });
  });
});

describe('other endpoints', () => {
  it('pooling returns the raw classify vector without labels', async () => {
    const { client } = await setup();
    const [pooled, classified] = await Promise.all([client.pooling({ input: ['x', 'y'] }), client.classify({ input: ['x', 'y'] })]);
    expect(pooled.data.map((item) => item.data)).toEqual(classified.data.map((item) => item.probs));
    expect(pooled.data[0]!.object).toBe('pooling');
  });

  it('embeddings, score and rerank against an embedding model', async () => {
    const { fake, client } = await setup({ task: 'embed', embeddingSize: 4 });
    const embedded = await client.embeddings({ input: ['a', 'b'] });
    expect(embedded.data.map((item) => (item.embedding as number[]).length)).toEqual([4, 4]);
    expect(typeof (await client.embeddings({ input: 'a', encoding_format: 'base64' })).data[0]!.embedding).toBe('string');
    const scored = await client.score({ queries: 'a', documents: ['a', 'b'] });
    expect(scored.data.map((item) => item.index)).toEqual([0, 1]);
    expect(scored.data[0]!.score).toBeCloseTo(1, 5);
    const reranked = await client.rerank({ query: 'a', documents: ['b', 'a', 'c'], top_n: 2 });
    expect(reranked.results[0]).toMatchObject({ index: 1, document: { text: 'a' } });
    expect(reranked.results).toHaveLength(2);
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/embeddings', '/v1/embeddings', '/score', '/rerank']);
  });

  it('score accepts the legacy text_1/text_2 spelling for a single-label cross-encoder', async () => {
    const { client } = await setup({ labels: ['relevant'] });
    const scored = await client.score({ text_1: 'query', text_2: ['doc a', 'doc b'] });
    expect(scored.data).toHaveLength(2);
    expect(scored.data.every((item) => item.score > 0 && item.score < 1)).toBe(true);
  });

  it('tokenize (both styles), models, health and version', async () => {
    const { fake, client } = await setup({ loraAdapters: ['lora-a'] });
    expect(await client.tokenize({ prompt: 'hello world', return_token_strs: true })).toMatchObject({ count: 3, max_model_len: 512, token_strs: ['<s>', 'hello', 'world'] });
    const chat = await client.tokenize({ messages: [{ role: 'user', content: 'hi' }], add_generation_prompt: false });
    const classified = await client.classify({ messages: [{ role: 'user', content: 'hi' }] });
    expect(chat.count).toBe(classified.usage.prompt_tokens);
    const models = await client.models();
    expect(models.data.map((card) => [card.id, card.parent, card.max_model_len])).toEqual([
      ['fake/classifier', null, 512],
      ['lora-a', 'fake/classifier', null],
    ]);
    expect(await client.health()).toBe(true);
    fake.setHealthy(false);
    expect(await client.health()).toBe(false);
    expect((await client.version()).version).toMatch(/^0\.21/);
  });
});
