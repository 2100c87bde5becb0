import { inspect } from 'node:util';
import { type FakeVllm, startFakeVllm } from '@flow/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { PoolingApiError, createPoolingClient } from './index.js';

const KEY = 'sk-live-8f3a9c1b2d4e6f70';

let fake: FakeVllm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Everything a user might print or ship to a log aggregator. */
function everythingVisible(error: unknown): string {
  const asError = error as Error;
  return [String(error), asError.message, asError.stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('the API key never leaks', () => {
  it('is sent as a bearer token but absent from errors, even when the server echoes it', async () => {
    fake = await startFakeVllm({ apiKey: 'a-different-key' });
    const client = createPoolingClient({ baseURL: fake.url, apiKey: KEY, maxRetries: 0 });
    const unauthorized = await caught(client.models());
    expect(fake.requests[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
    fake.setFault({ kind: 'error', status: 400, message: `invalid header Authorization: Bearer ${KEY}`, times: 1 });
    const echoed = await caught(client.classify({ input: 'x' }));
    fake.setFault({ kind: 'error', status: 502, body: `<html>upstream rejected ${KEY}</html>`, times: 1 });
    const proxied = await caught(client.classify({ input: 'x' }));
    fake.setFault({ kind: 'malformed', times: 1 });
    const malformed = await caught(client.classify({ input: 'x' }));
    for (const error of [unauthorized, echoed, proxied, malformed]) {
      expect(PoolingApiError.isInstance(error)).toBe(true);
      expect(everythingVisible(error)).not.toContain(KEY);
    }
    expect((echoed as Error).message).toContain('Bearer ***');
  });

  it('is absent from connection errors, timeouts and the client object', async () => {
    fake = await startFakeVllm();
    const client = createPoolingClient({ baseURL: fake.url, apiKey: KEY, maxRetries: 0, timeoutMs: 30 });
    fake.setFault({ kind: 'hang', times: 1 });
    const timeout = await caught(client.classify({ input: 'x' }));
    fake.setFault({ kind: 'reset', times: 1 });
    const reset = await caught(client.classify({ input: 'x' }));
    for (const error of [timeout, reset]) expect(everythingVisible(error)).not.toContain(KEY);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });

  it('masks keys passed as headers, per client or per call', async () => {
    fake = await startFakeVllm();
    const client = createPoolingClient({ baseURL: fake.url, headers: { Authorization: `Bearer ${KEY}` }, maxRetries: 0 });
    fake.setFault({ kind: 'error', status: 400, message: `bad key ${KEY}` });
    expect(everythingVisible(await caught(client.classify({ input: 'x' })))).not.toContain(KEY);
    const other = 'per-call-secret-123456';
    fake.clearFaults();
    fake.setFault({ kind: 'error', status: 400, message: `bad key ${other}` });
    const error = await caught(client.classify({ input: 'x' }, { headers: { authorization: `Bearer ${other}` } }));
    expect(everythingVisible(error)).not.toContain(other);
    expect(fake.requests.at(-1)!.headers['authorization']).toBe(`Bearer ${other}`);
  });

  it('falls back to VLLM_API_KEY and VLLM_BASE_URL', async () => {
    fake = await startFakeVllm();
    const saved = { base: process.env['VLLM_BASE_URL'], key: process.env['VLLM_API_KEY'] };
    process.env['VLLM_BASE_URL'] = fake.url;
    process.env['VLLM_API_KEY'] = KEY;
    try {
      await createPoolingClient().classify({ input: 'x' });
      expect(fake.requests[0]!.headers['authorization']).toBe(`Bearer ${KEY}`);
    } finally {
      restore('VLLM_BASE_URL', saved.base);
      restore('VLLM_API_KEY', saved.key);
    }
  });
});

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
