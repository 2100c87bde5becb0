import { afterEach, describe, expect, it } from 'vitest';
import type { FakeVllm, FakeVllmOptions } from './fake-vllm-options.js';
import { startFakeVllm } from './start-fake-vllm.js';

let fake: FakeVllm | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeVllmOptions = {}): Promise<FakeVllm> {
  fake = await startFakeVllm(options);
  return fake;
}

async function post(server: FakeVllm, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

describe('startFakeVllm /classify', () => {
  it('answers completion-style lists in input order with vLLM field order and X-Request-Id in the id', async () => {
    const server = await start();
    const answer = await post(server, '/classify', { input: ['good', 'bad', 'fine'] }, { 'x-request-id': 'r-1' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json!)).toEqual(['id', 'object', 'created', 'model', 'data', 'usage']);
    expect(answer.json!['id']).toBe('classify-r-1');
    expect(answer.json!['data'].map((item: { index: number }) => item.index)).toEqual([0, 1, 2]);
    expect(Object.keys(answer.json!['data'][0])).toEqual(['index', 'label', 'probs', 'num_classes']);
    expect(answer.json!['usage']).toEqual({ prompt_tokens: 6, total_tokens: 6, completion_tokens: 0, prompt_tokens_details: null });
  });

  it('gives the same result for a prompt alone or inside a list', async () => {
    const server = await start();
    const alone = await post(server, '/classify', { input: 'fine' });
    const listed = await post(server, '/classify', { input: ['good', 'fine'] });
    expect(listed.json!['data'][1].probs).toEqual(alone.json!['data'][0].probs);
  });

  it('accepts token ids, truncates them and returns logits without activation', async () => {
    const server = await start();
    const body = { input: [[1986, 1985, 572, 9073, 323, 33808]], truncate_prompt_tokens: 5 };
    const logits = await post(server, '/classify', { ...body, use_activation: false });
    const probs = await post(server, '/classify', body);
    expect(logits.json!['usage'].prompt_tokens).toBe(5);
    const [a, b] = logits.json!['data'][0].probs as [number, number];
    expect(probs.json!['data'][0].probs[0]).toBeCloseTo(Math.exp(a) / (Math.exp(a) + Math.exp(b)), 10);
    expect(logits.json!['data'][0].label).toBe(probs.json!['data'][0].label);
  });

  it('renders chat-style bodies into exactly one result and counts image placeholder tokens', async () => {
    const server = await start();
    const answer = await post(server, '/classify', {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Please classify this image.' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] }],
    });
    expect(answer.status).toBe(200);
    expect(answer.json!['data']).toHaveLength(1);
    expect(answer.json!['usage'].prompt_tokens).toBeGreaterThan(16);
  });

  it('gives null labels where id2label has no name', async () => {
    const server = await start({ labels: [null, null] });
    const answer = await post(server, '/classify', { input: 'x' });
    expect(answer.json!['data'][0].label).toBeNull();
  });

  it('rejects what vLLM rejects, with its types and params', async () => {
    const server = await start({ maxModelLength: 8 });
    const cases: [unknown, number, string, string | null][] = [
      [{}, 400, 'Bad Request', null],
      [{ input: [] }, 400, 'BadRequestError', 'input'],
      [{ input: 'one two three four five six seven eight nine' }, 400, 'BadRequestError', 'input_tokens'],
      [{ input: 'x', truncate_prompt_tokens: 9 }, 400, 'BadRequestError', 'truncate_prompt_tokens'],
      [{ input: 'x', truncate_prompt_tokens: -2 }, 400, 'Bad Request', null],
      [{ input: [[999_999]] }, 400, 'BadRequestError', 'input'],
      [{ input: 'x', model: 'other' }, 404, 'NotFoundError', null],
      [{ messages: [{ role: 'user', content: 'x' }], add_generation_prompt: true, continue_final_message: true }, 400, 'Bad Request', null],
      [{ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png,abc' } }] }] }, 501, 'NotImplementedError', null],
    ];
    for (const [body, status, type, param] of cases) {
      const answer = await post(server, '/classify', body);
      expect({ body, status: answer.status, error: answer.json!['error'] }).toMatchObject({ status, error: { type, param, code: status } });
    }
  });

  it('answers 501 when the active task is not classify, and FastAPI 404 where a route is not mounted', async () => {
    const server = await start({ task: 'token_classify' });
    expect((await post(server, '/classify', { input: 'x' })).status).toBe(501);
    expect((await post(server, '/v1/classify', { input: 'x' })).json).toEqual({ detail: 'Not Found' });
    expect((await post(server, '/score', { queries: 'a', documents: 'b' })).json).toEqual({ detail: 'Not Found' });
  });

  it('refuses other media types and speaks the legacy error shape when asked', async () => {
    const server = await start({ errorShape: 'legacy' });
    const answer = await post(server, '/classify', 'input=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(answer.json).toMatchObject({ object: 'error', type: 'Bad Request', code: 400 });
    expect(answer.json!['message']).toContain("Only 'application/json' is allowed");
  });
});

describe('startFakeVllm other routes', () => {
  it('serves /pooling, /v1/embeddings, /score and /rerank for an embedding model', async () => {
    const server = await start({ task: 'embed', embeddingSize: 4 });
    const pooled = await post(server, '/pooling', { input: ['a', 'b'] });
    expect(pooled.json!['data'][1]).toMatchObject({ index: 1, object: 'pooling' });
    const embedded = await post(server, '/v1/embeddings', { input: 'a', encoding_format: 'base64' });
    expect(Buffer.from(embedded.json!['data'][0].embedding, 'base64').length).toBe(16);
    const scored = await post(server, '/score', { queries: 'a', documents: ['a', 'b'] });
    expect(scored.json!['data'][0].score).toBeCloseTo(1, 5);
    const reranked = await post(server, '/rerank', { query: 'a', documents: ['b', 'a', 'c'], top_n: 2 });
    expect(reranked.json!['results'].map((result: { index: number }) => result.index)[0]).toBe(1);
    expect(reranked.json!['results'][0].document).toEqual({ text: 'a', multi_modal: null });
    expect(reranked.json!['results']).toHaveLength(2);
    expect((await post(server, '/classify', { input: 'x' })).status).toBe(404);
  });

  it('mounts /score for single-label classifiers only', async () => {
    const server = await start({ labels: ['relevant'] });
    const scored = await post(server, '/score', { text_1: ['q1', 'q2'], text_2: ['d1', 'd2'] });
    expect(scored.json!['data']).toHaveLength(2);
    expect((await post(server, '/score', { text_1: ['q1', 'q2'], text_2: ['d1', 'd2', 'd3'] })).status).toBe(400);
  });

  it('tokenizes both styles and lists models with adapters', async () => {
    const server = await start({ loraAdapters: ['sentiment-lora'] });
    const tokens = await post(server, '/tokenize', { prompt: 'hello world', return_token_strs: true });
    expect(tokens.json).toMatchObject({ count: 3, max_model_len: 512, token_strs: ['<s>', 'hello', 'world'] });
    const chat = await post(server, '/tokenize', { messages: [{ role: 'user', content: 'hi' }] });
    expect(chat.json!['count']).toBeGreaterThan(1);
    const models = (await (await fetch(`${server.url}/v1/models`)).json()) as { data: { id: string; parent: string | null }[] };
    expect(models.data.map((card) => [card.id, card.parent])).toEqual([
      ['fake/classifier', null],
      ['sentiment-lora', 'fake/classifier'],
    ]);
  });

  it('guards only /v1-style paths with the API key, like vllm serve --api-key', async () => {
    const server = await start({ apiKey: 'k' });
    expect((await fetch(`${server.url}/v1/models`)).status).toBe(401);
    expect(await (await fetch(`${server.url}/v1/models`)).json()).toEqual({ error: 'Unauthorized' });
    expect((await fetch(`${server.url}/v1/models`, { headers: { authorization: 'bearer k' } })).status).toBe(200);
    expect((await post(server, '/classify', { input: 'x' })).status).toBe(200);
  });

  it('answers /health with an empty body, 503 once the engine is dead', async () => {
    const server = await start();
    const healthy = await fetch(`${server.url}/health`);
    expect([healthy.status, await healthy.text()]).toEqual([200, '']);
    server.setHealthy(false);
    expect((await fetch(`${server.url}/health`)).status).toBe(503);
  });
});

describe('startFakeVllm faults', () => {
  it('injects error bodies a set number of times, then answers normally', async () => {
    const server = await start();
    server.setFault({ kind: 'error', status: 503, shape: 'string', message: 'The model is currently scaling. Please try again later.', times: 1 });
    const failed = await post(server, '/classify', { input: 'x' });
    expect([failed.status, failed.json]).toEqual([503, { error: 'The model is currently scaling. Please try again later.' }]);
    expect((await post(server, '/classify', { input: 'x' })).status).toBe(200);
  });

  it('resets connections, sends malformed bodies and records every request', async () => {
    const server = await start();
    server.setFault({ kind: 'reset', times: 1 });
    await expect(post(server, '/classify', { input: 'x' })).rejects.toThrow();
    server.setFault({ kind: 'malformed', times: 1, path: '/classify' });
    const malformed = await fetch(`${server.url}/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await expect(malformed.json()).rejects.toThrow();
    expect(server.requests.map((request) => request.path)).toEqual(['/classify', '/classify']);
    expect(server.requests[0]!.json).toEqual({ input: 'x' });
  });

  it('counts requests the client abandoned', async () => {
    const server = await start();
    server.setFault({ kind: 'hang', times: 1 });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/classify`, { method: 'POST', body: '{}', signal: controller.signal });
    while (server.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(pending).rejects.toThrow();
    while (server.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.cancelled).toBe(1);
  });
});
