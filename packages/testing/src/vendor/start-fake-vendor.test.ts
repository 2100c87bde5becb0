import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../openai/start-fake-openai.js';
import { startFakeOpenRouter } from '../openrouter/start-fake-openrouter.js';
import type { FakeVendor } from './fake-vendor-types.js';

let fake: FakeVendor | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function chat(server: FakeVendor, body: unknown = { model: 'm', messages: [{ role: 'user', content: 'hi' }] }, key = 'k') {
  const response = await fetch(`${server.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}

describe('fake vendor servers', () => {
  it('answers from the queue first, then the default responder, which may be a function of the request', async () => {
    fake = await startFakeOpenAI({ reply: (request) => `echo ${(request.json as { model: string }).model}` });
    fake.enqueue('first', { text: 'second', finishReason: 'length' });
    const answers = [await chat(fake), await chat(fake), await chat(fake)];
    expect(answers.map((answer) => answer.json['choices'][0].message.content)).toEqual(['first', 'second', 'echo m']);
    expect(answers[1]!.json['choices'][0].finish_reason).toBe('length');
    expect(answers.map((answer) => answer.headers.get('x-request-id'))).toEqual(['req_fake_1', 'req_fake_2', 'req_fake_3']);
    expect(fake.requests.map((request) => [request.method, request.path])).toEqual(Array(3).fill(['POST', '/v1/chat/completions']));
  });

  it('applies faults in order, for a number of times and only on their path', async () => {
    fake = await startFakeOpenAI();
    fake.setFault({ kind: 'error', status: 503, times: 1, path: '/v1/responses' });
    fake.setFault({ kind: 'error', status: 429, times: 2, headers: { 'retry-after': '1' } });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await chat(fake)).status);
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('enforces the key with the vendor 401 and refuses bodies that are not JSON', async () => {
    fake = await startFakeOpenAI({ apiKey: 'right-key' });
    const denied = await chat(fake, undefined, 'wrong-key');
    expect(denied.status).toBe(401);
    expect(denied.json['error']).toMatchObject({ type: 'authentication_error', message: expect.stringContaining('wrong-key') });
    expect((await chat(fake, 'not json', 'right-key')).status).toBe(400);
  });

  it('OpenRouter: normalises finish reasons, keeps the native one, and sends choices: null with an error', async () => {
    fake = await startFakeOpenRouter();
    fake.enqueue({ text: 'x', finishReason: 'max_tokens' }, { error: { code: 502, message: 'upstream down' } });
    const normal = await chat(fake);
    expect(normal.json['choices'][0]).toMatchObject({ finish_reason: 'length', native_finish_reason: 'max_tokens' });
    const failed = await chat(fake);
    expect(failed.status).toBe(200);
    expect(failed.json).toMatchObject({ choices: null, error: { code: 502, message: 'upstream down' } });
  });

  it('counts a client that goes away as cancelled, and a reset as not', async () => {
    fake = await startFakeOpenAI();
    fake.setFault({ kind: 'reset', times: 1 });
    await expect(chat(fake)).rejects.toThrow();
    fake.setFault({ kind: 'hang', times: 1 });
    const controller = new AbortController();
    const pending = fetch(`${fake.baseURL}/chat/completions`, { method: 'POST', body: '{}', signal: controller.signal }).catch(() => 'aborted');
    while (fake.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await pending).toBe('aborted');
    while (fake.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fake.cancelled).toBe(1);
  });
});
