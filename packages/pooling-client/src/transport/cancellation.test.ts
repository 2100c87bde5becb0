import { type FakeVllm, startFakeVllm } from '@flow/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createPoolingClient } from '../index.js';

let fake: FakeVllm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
};

describe('timeouts', () => {
  it('times out each attempt, retries, then fails with a TimeoutError', async () => {
    fake = await startFakeVllm();
    fake.setFault({ kind: 'hang' });
    const client = createPoolingClient({ baseURL: fake.url, timeoutMs: 50, maxRetries: 1, backoff: { initialDelayMs: 1, maxDelayMs: 1 } });
    const error = await client.classify({ input: 'x' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ type: 'TimeoutError', status: null, isRetryable: true, attempts: 2 });
    expect((error as Error).message).toContain('timed out after 50 ms');
    await until(() => fake!.cancelled === 2);
  });

  it('recovers when only the first attempt is slow, and a per-call timeout overrides the client one', async () => {
    fake = await startFakeVllm();
    fake.setFault({ kind: 'latency', ms: 500, times: 1 });
    const client = createPoolingClient({ baseURL: fake.url, timeoutMs: 10_000, backoff: { initialDelayMs: 1, maxDelayMs: 1 } });
    await expect(client.classify({ input: 'x' }, { timeoutMs: 40 })).resolves.toMatchObject({ object: 'list' });
    expect(fake.requests).toHaveLength(2);
  });
});

describe('cancellation', () => {
  it('rejects with the signal reason, frees the server work and does not retry', async () => {
    fake = await startFakeVllm();
    fake.setFault({ kind: 'hang', times: 1 });
    const client = createPoolingClient({ baseURL: fake.url });
    const controller = new AbortController();
    const pending = client.classify({ input: 'x' }, { signal: controller.signal });
    await until(() => fake!.inFlight === 1);
    const reason = new Error('user navigated away');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await until(() => fake!.cancelled === 1);
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects at once for an already aborted signal, without sending', async () => {
    fake = await startFakeVllm();
    const client = createPoolingClient({ baseURL: fake.url });
    await expect(client.health({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.requests).toHaveLength(0);
  });

  it('stops waiting during a retry backoff', async () => {
    fake = await startFakeVllm();
    fake.setFault({ kind: 'error', status: 503 });
    const client = createPoolingClient({ baseURL: fake.url, maxRetries: 5, backoff: { initialDelayMs: 10_000, maxDelayMs: 10_000 } });
    const controller = new AbortController();
    const pending = client.classify({ input: 'x' }, { signal: controller.signal });
    await until(() => fake!.requests.length === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.requests).toHaveLength(1);
  });

  it('cancels every chunk of a batched call, sent or still queued', async () => {
    fake = await startFakeVllm({ latencyMs: 10_000 });
    const client = createPoolingClient({ baseURL: fake.url, maxBatchSize: 2, maxConcurrency: 2 });
    const controller = new AbortController();
    const pending = client.classify({ input: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }, { signal: controller.signal });
    await until(() => fake!.inFlight === 2);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => fake!.inFlight === 0);
    expect(fake.requests).toHaveLength(2);
    expect(fake.cancelled).toBe(2);
    // The client's slots are free again.
    fake.clearFaults();
  });
});
