import { ProviderApiError, type GenerateOptions } from '@flow/providers-core';
import { startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAI } from './create-openai.js';

const key = 'sk-secret-9f8e7d6c5b4a3210';
const ask: GenerateOptions = { content: [{ type: 'text', text: 'hello' }], maxTokens: 16 };
let fake: FakeVendor;

beforeEach(async () => {
  fake = await startFakeOpenAI({ apiKey: key });
});
afterEach(async () => {
  await fake.close();
});

async function failure(options: Partial<GenerateOptions> = {}, api: 'chat' | 'responses' = 'chat', timeoutMs?: number): Promise<ProviderApiError> {
  const provider = createOpenAI({ apiKey: key, baseURL: fake.baseURL, ...(timeoutMs ? { timeoutMs } : {}) });
  const error = await provider
    .languageModel('gpt-4o', { api })
    .generate({ ...ask, ...options })
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  expect(ProviderApiError.isInstance(error)).toBe(true);
  expectNoKey(error);
  return error as ProviderApiError;
}

/** The key appears nowhere: not in the message, the stack, nor any cause or field down the chain. */
function expectNoKey(error: unknown): void {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null; depth += 1) {
    const record = current as Record<string, unknown>;
    expect(String(record['message'])).not.toContain(key);
    expect(String(record['stack'])).not.toContain(key);
    expect(JSON.stringify(current, Object.getOwnPropertyNames(current))).not.toContain(key);
    current = record['cause'];
    expect(depth).toBeLessThan(10);
  }
}

describe.each(['chat', 'responses'] as const)('OpenAI %s failures', (api) => {
  it('429 with Retry-After is retryable, carries the wait, the message and the request id', async () => {
    fake.setFault({ kind: 'error', status: 429, message: 'Rate limit reached for gpt-4o on requests per min (RPM).', headers: { 'retry-after': '7' } });
    const error = await failure({}, api);
    expect(error).toMatchObject({ provider: 'openai', status: 429, isRetryable: true, retryAfterMs: 7000, requestId: 'req_fake_1' });
    expect(error.message).toBe('OpenAI API error 429: Rate limit reached for gpt-4o on requests per min (RPM).');
  });

  it('prefers retry-after-ms over Retry-After', async () => {
    fake.setFault({ kind: 'error', status: 429, headers: { 'retry-after-ms': '250', 'retry-after': '9' } });
    expect((await failure({}, api)).retryAfterMs).toBe(250);
  });

  it.each([408, 409, 500, 502, 503])('%i is retryable', async (status) => {
    fake.setFault({ kind: 'error', status });
    expect(await failure({}, api)).toMatchObject({ status, isRetryable: true });
  });

  it.each([400, 403, 404, 422])('%i is not retryable', async (status) => {
    fake.setFault({ kind: 'error', status, message: 'Invalid image.' });
    expect(await failure({}, api)).toMatchObject({ status, isRetryable: false, message: `OpenAI API error ${status}: Invalid image.` });
  });

  it('a wrong key is a 401 whose echoed key is masked everywhere', async () => {
    const provider = createOpenAI({ apiKey: `${key}-wrong`, baseURL: fake.baseURL });
    const error = (await provider
      .languageModel('gpt-4o', { api })
      .generate(ask)
      .catch((e: unknown) => e)) as ProviderApiError;
    expect(error).toMatchObject({ status: 401, isRetryable: false });
    expect(error.message).toContain('Incorrect API key provided: ***.');
    expect(error.message).not.toContain(`${key}-wrong`);
  });

  it('a connection reset has no status and is retryable', async () => {
    fake.setFault({ kind: 'reset' });
    const error = await failure({}, api);
    expect(error).toMatchObject({ status: null, isRetryable: true });
    expect(error.message).toMatch(/^OpenAI connection failed/);
  });

  it('a malformed body is a retryable error naming the problem', async () => {
    fake.setFault({ kind: 'malformed' });
    const error = await failure({}, api);
    expect(error).toMatchObject({ status: null, isRetryable: true });
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('a body of the wrong shape is not retryable', async () => {
    fake.setFault({ kind: 'wrong-shape' });
    expect(await failure({}, api)).toMatchObject({ status: 200, isRetryable: false });
  });

  it('the SDK timeout gives a retryable error without status', async () => {
    fake.setFault({ kind: 'hang' });
    const error = await failure({}, api, 100);
    expect(error).toMatchObject({ status: null, isRetryable: true, message: 'OpenAI request timed out' });
  });

  it('an abort closes the connection at once and is not retryable', async () => {
    fake.setFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = failure({ signal: controller.signal }, api);
    await vi.waitFor(() => expect(fake.inFlight).toBe(1), { timeout: 10_000 });
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ status: null, isRetryable: false, message: 'OpenAI request was aborted' });
    await vi.waitFor(() => expect(fake.cancelled).toBe(1), { timeout: 10_000 });
  });

  it('a deadline signal (AbortSignal.timeout) is a retryable timeout', async () => {
    fake.setFault({ kind: 'hang' });
    const error = await failure({ signal: AbortSignal.timeout(50) }, api);
    expect(error).toMatchObject({ status: null, isRetryable: true });
    expect(error.message).toMatch(/timed out/);
    // On a loaded machine the deadline may pass before the request reaches the fake; if it arrived, it was closed.
    await vi.waitFor(() => expect(fake.cancelled).toBe(fake.requests.length), { timeout: 10_000 });
  });
});

describe('OpenAI transport settings', () => {
  it('uses the given fetch and lets maxRetries turn the SDK retries back on', async () => {
    let calls = 0;
    const countingFetch: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    fake.setFault({ kind: 'error', status: 500, headers: { 'retry-after-ms': '1' }, times: 1 });
    const result = await createOpenAI({ apiKey: key, baseURL: fake.baseURL, fetch: countingFetch, maxRetries: 1 }).languageModel('gpt-4o').generate(ask);
    expect(result.text).toBe('fake answer');
    expect(calls).toBe(2);
    expect(fake.requests).toHaveLength(2);
  });
});
