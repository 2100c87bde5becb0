import { type FakeVllm, startFakeVllm } from '@flow/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PoolingApiError } from '../errors/pooling-api-error.js';
import { createPoolingClient } from '../index.js';
import { isRetryableStatus, parseRetryAfterMs, retryDelayMs } from './retry-policy.js';

let fake: FakeVllm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const fastBackoff = { initialDelayMs: 1, maxDelayMs: 4 };

async function setup(maxRetries = 2) {
  fake = await startFakeVllm();
  return { fake, client: createPoolingClient({ baseURL: fake.url, maxRetries, backoff: fastBackoff }) };
}

describe('retry policy', () => {
  it('retries 408, 409, 429 and 5xx except 501; never other 4xx', () => {
    expect([408, 409, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 405, 422, 501].some(isRetryableStatus)).toBe(false);
  });

  it('backs off exponentially with jitter, capped, and honours Retry-After', () => {
    const settings = { initialDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((retry) => retryDelayMs(retry, settings, null, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect([0, 1, 2, 3, 4].map((retry) => retryDelayMs(retry, settings, null, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect(retryDelayMs(0, settings, '2')).toBe(2000);
    expect(retryDelayMs(0, settings, '3600')).toBe(60_000);
    expect(parseRetryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfterMs('soon')).toBeUndefined();
  });
});

describe('retries', () => {
  it('recovers from a transient 500 and a connection reset, resending the same request id', async () => {
    const { fake, client } = await setup();
    fake.setFault({ kind: 'error', status: 500, message: 'EngineCore encountered an issue.', times: 1 });
    fake.setFault({ kind: 'reset', times: 1 });
    const response = await client.classify({ input: 'x' }, { requestId: 'same' });
    expect(response.id).toBe('classify-same');
    expect(fake.requests.map((request) => request.headers['x-request-id'])).toEqual(['same', 'same', 'same']);
  });

  it.each([408, 409, 429, 502, 503, 504])('retries %i', async (status) => {
    const { fake, client } = await setup();
    fake.setFault({ kind: 'error', status, times: 2 });
    await expect(client.classify({ input: 'x' })).resolves.toMatchObject({ object: 'list' });
    expect(fake.requests).toHaveLength(3);
  });

  it.each([400, 401, 404, 422, 501])('never retries %i', async (status) => {
    const { fake, client } = await setup();
    fake.setFault({ kind: 'error', status, times: 1 });
    await expect(client.classify({ input: 'x' })).rejects.toMatchObject({ status, isRetryable: false, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up after maxRetries and says how many attempts it made', async () => {
    const { fake, client } = await setup(3);
    fake.setFault({ kind: 'error', status: 500 });
    const error = await client.classify({ input: 'x' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 500, type: 'InternalServerError', isRetryable: true, attempts: 4 });
    expect((error as Error).message).toContain('gave up after 4 attempts');
    expect(fake.requests).toHaveLength(4);
  });

  it('maxRetries 0 sends exactly once', async () => {
    const { fake, client } = await setup(0);
    fake.setFault({ kind: 'reset' });
    await expect(client.classify({ input: 'x' })).rejects.toMatchObject({ type: 'ConnectionError', status: null, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports an unreachable server as a retryable ConnectionError with the cause', async () => {
    const { fake, client } = await setup(1);
    await fake.close();
    const error = await client.classify({ input: 'x' }).catch((caught: unknown) => caught);
    expect(PoolingApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ type: 'ConnectionError', status: null, isRetryable: true, attempts: 2 });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
