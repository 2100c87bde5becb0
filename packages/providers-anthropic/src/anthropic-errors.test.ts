import { ProviderApiError, type GenerateOptions } from '@flow/providers-core';
import { startFakeAnthropic, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnthropic } from './create-anthropic.js';

const key = 'sk-ant-api03-secret-abcdef987654';
const ask: GenerateOptions = { content: [{ type: 'text', text: 'hello' }], maxTokens: 64 };
let fake: FakeVendor;

beforeEach(async () => {
  fake = await startFakeAnthropic({ apiKey: key });
});
afterEach(async () => {
  await fake.close();
});

async function failure(options: Partial<GenerateOptions> = {}, settings: { apiKey?: string; timeoutMs?: number } = {}): Promise<ProviderApiError> {
  const error = await createAnthropic({ apiKey: key, baseURL: fake.baseURL, ...settings })
    .languageModel('claude-sonnet-4-5')
    .generate({ ...ask, ...options })
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  expect(ProviderApiError.isInstance(error)).toBe(true);
  for (let current: any = error, depth = 0; current; current = current.cause, depth += 1) {
    expect(`${current.message} ${current.stack} ${JSON.stringify(current, Object.getOwnPropertyNames(current))}`).not.toContain(settings.apiKey ?? key);
    expect(depth).toBeLessThan(10);
  }
  return error as ProviderApiError;
}

describe.each([false, true])('Anthropic failures (stream: %s)', (stream) => {
  const streamed = { providerOptions: { anthropic: { stream } } };

  it('429 with retry-after is retryable, with the wait, the vendor message and the request id', async () => {
    fake.setFault({ kind: 'error', status: 429, message: 'Number of request tokens has exceeded your per-minute rate limit', headers: { 'retry-after': '12' } });
    expect(await failure(streamed)).toMatchObject({
      provider: 'anthropic',
      status: 429,
      isRetryable: true,
      retryAfterMs: 12_000,
      requestId: 'req_fake_1',
      message: 'Anthropic API error 429: Number of request tokens has exceeded your per-minute rate limit',
    });
  });

  it.each([500, 529, 408, 409])('%i is retryable', async (status) => {
    fake.setFault({ kind: 'error', status });
    expect(await failure(streamed)).toMatchObject({ status, isRetryable: true });
  });

  it.each([400, 403, 404, 413])('%i is not retryable', async (status) => {
    fake.setFault({ kind: 'error', status, message: 'messages.0.content.0.image.source.base64: image exceeds 5 MB maximum' });
    expect(await failure(streamed)).toMatchObject({ status, isRetryable: false, message: `Anthropic API error ${status}: messages.0.content.0.image.source.base64: image exceeds 5 MB maximum` });
  });

  it('a wrong key is a 401 with the echoed key masked', async () => {
    const error = await failure(streamed, { apiKey: `${key}-bad` });
    expect(error).toMatchObject({ status: 401, isRetryable: false, message: 'Anthropic API error 401: invalid x-api-key: ***' });
  });

  it('a connection reset is retryable without status', async () => {
    fake.setFault({ kind: 'reset' });
    const error = await failure(streamed);
    expect(error).toMatchObject({ status: null, isRetryable: true });
    expect(error.message).toMatch(/^Anthropic connection failed/);
  });

  it('the SDK timeout is retryable without status, and the fake sees the connection close', async () => {
    fake.setFault({ kind: 'hang' });
    expect(await failure(streamed, { timeoutMs: 100 })).toMatchObject({ status: null, isRetryable: true, message: 'Anthropic request timed out' });
    // On a loaded machine the deadline may pass before the request reaches the fake; if it arrived, it was closed.
    await vi.waitFor(() => expect(fake.cancelled).toBe(fake.requests.length), { timeout: 10_000 });
  });

  it('an abort closes the request at once and is not retryable', async () => {
    fake.setFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = failure({ ...streamed, signal: controller.signal });
    await vi.waitFor(() => expect(fake.inFlight).toBe(1), { timeout: 10_000 });
    controller.abort();
    expect(await pending).toMatchObject({ status: null, isRetryable: false, message: 'Anthropic request was aborted' });
    await vi.waitFor(() => expect(fake.cancelled).toBe(1), { timeout: 10_000 });
  });
});

describe('Anthropic malformed bodies', () => {
  it('an unparsable body is retryable without status', async () => {
    fake.setFault({ kind: 'malformed' });
    expect(await failure()).toMatchObject({ status: null, isRetryable: true, message: expect.stringMatching(/not valid JSON/) });
  });

  it('a body without a content list is not retryable', async () => {
    fake.setFault({ kind: 'wrong-shape' });
    expect(await failure()).toMatchObject({ status: 200, isRetryable: false, message: 'Anthropic returned a message without a content list', requestId: 'req_fake_1' });
  });
});

describe('Anthropic transport settings', () => {
  it('uses the given fetch and makes one attempt per call unless maxRetries says otherwise', async () => {
    let calls = 0;
    const countingFetch: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    fake.setFault({ kind: 'error', status: 529, headers: { 'retry-after-ms': '1' }, times: 1 });
    await expect(createAnthropic({ apiKey: key, baseURL: fake.baseURL, fetch: countingFetch }).languageModel('claude-haiku-4-5').generate(ask)).rejects.toThrow(/529/);
    expect(calls).toBe(1);
    fake.setFault({ kind: 'error', status: 529, headers: { 'retry-after-ms': '1' }, times: 1 });
    await createAnthropic({ apiKey: key, baseURL: fake.baseURL, fetch: countingFetch, maxRetries: 1 }).languageModel('claude-haiku-4-5').generate(ask);
    expect(calls).toBe(3);
  });
});
