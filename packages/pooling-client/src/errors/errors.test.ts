import { type FakeVllm, type FakeVllmOptions, startFakeVllm } from '@flow/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createPoolingClient } from '../index.js';
import { parseErrorBody } from './parse-error-body.js';
import { PoolingApiError } from './pooling-api-error.js';

let fake: FakeVllm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: FakeVllmOptions = {}) {
  fake = await startFakeVllm(options);
  return { fake, client: createPoolingClient({ baseURL: fake.url, maxRetries: 1, backoff: { initialDelayMs: 1, maxDelayMs: 2 } }) };
}

async function failure(promise: Promise<unknown>): Promise<PoolingApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!PoolingApiError.isInstance(error)) throw new Error(`expected a PoolingApiError, got ${String(error)}`);
  return error;
}

describe('parseErrorBody', () => {
  it('reads every shape vLLM and its middleware send', () => {
    expect(parseErrorBody(400, 'Bad Request', '{"error":{"message":"too long","type":"BadRequestError","param":"input_tokens","code":400}}')).toEqual({
      message: 'too long',
      type: 'BadRequestError',
      param: 'input_tokens',
      shape: 'current',
    });
    expect(parseErrorBody(400, 'Bad Request', '{"object":"error","message":"m","type":"BadRequestError","param":null,"code":400}')).toMatchObject({ message: 'm', shape: 'legacy' });
    expect(parseErrorBody(401, 'Unauthorized', '{"error":"Unauthorized"}')).toEqual({ message: 'Unauthorized', type: 'Unauthorized', param: null, shape: 'string' });
    expect(parseErrorBody(404, 'Not Found', '{"detail":"Not Found"}')).toMatchObject({ message: 'Not Found', type: 'Not Found', shape: 'detail' });
    expect(parseErrorBody(422, 'Unprocessable Entity', '{"detail":[{"loc":["body","input"],"msg":"Field required"}]}').message).toBe('body.input: Field required');
    expect(parseErrorBody(502, 'Bad Gateway', '<html>upstream down</html>')).toMatchObject({ message: 'Bad Gateway: <html>upstream down</html>', shape: 'unknown' });
    expect(parseErrorBody(503, '', '')).toMatchObject({ message: 'HTTP 503', type: 'HTTP 503' });
  });
});

describe('PoolingApiError from each error shape', () => {
  it('current envelope: status, type, param, message and request id', async () => {
    const { client } = await setup({ maxModelLength: 4 });
    const error = await failure(client.classify({ input: 'one two three four five' }, { requestId: 'req-7' }));
    expect(error).toMatchObject({ code: 'POOLING_API_ERROR', status: 400, type: 'BadRequestError', param: 'input_tokens', isRetryable: false, requestId: 'req-7', endpoint: 'POST /classify', attempts: 1 });
    expect(error.message).toMatch(/^400 BadRequestError from POST \/classify: This model's maximum context length is 4 tokens/);
  });

  it('schema failures carry the reason phrase as type, like vLLM', async () => {
    const { client } = await setup();
    // Deliberately wrong at runtime: vLLM rejects it before the handler runs.
    const error = await failure(client.classify({ input: 'x', truncate_prompt_tokens: -2 }));
    expect(error).toMatchObject({ status: 400, type: 'Bad Request', param: null });
  });

  it('legacy flat shape', async () => {
    const { client } = await setup({ errorShape: 'legacy' });
    const error = await failure(client.classify({ input: 'x', model: 'nope' }));
    expect(error).toMatchObject({ status: 404, type: 'NotFoundError', isRetryable: false });
    expect(error.message).toContain('The model `nope` does not exist.');
  });

  it('FastAPI detail for an unmounted route, with a hint about /v1 and tasks', async () => {
    const { client } = await setup();
    const error = await failure(client.rerank({ query: 'q', documents: ['d'] }));
    expect(error).toMatchObject({ status: 404, type: 'Not Found', param: null, isRetryable: false });
    expect(error.message).toContain('no /v1 prefix');
  });

  it('plain-string 401 from the auth middleware and 503 while scaling', async () => {
    const { client } = await setup({ apiKey: 'right-key' });
    const unauthorized = await failure(client.models());
    expect(unauthorized).toMatchObject({ status: 401, type: 'Unauthorized', isRetryable: false, attempts: 1 });
    fake!.setFault({ kind: 'error', status: 503, shape: 'string', message: 'The model is currently scaling. Please try again later.' });
    const scaling = await failure(client.classify({ input: 'x' }));
    expect(scaling).toMatchObject({ status: 503, type: 'Service Unavailable', isRetryable: true, attempts: 2 });
    expect(scaling.message).toContain('currently scaling');
  });

  it('501 explains that the model task is not classify, and is not retried', async () => {
    const { fake, client } = await setup({ task: 'token_classify' });
    const error = await failure(client.classify({ input: 'x' }));
    expect(error).toMatchObject({ status: 501, type: 'NotImplementedError', isRetryable: false, attempts: 1 });
    expect(error.message).toContain('The model does not support Classification API');
    expect(error.message).toContain('active pooling task is not "classify"');
    expect(fake.requests).toHaveLength(1);
  });

  it('501 for a non-base64 data URL says what vLLM accepts', async () => {
    const { client } = await setup();
    const error = await failure(client.classify({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png,raw' } }] }] }));
    expect(error.status).toBe(501);
    expect(error.message).toContain('base64 data URLs');
  });

  it('a malformed or wrongly shaped 200 body is an InvalidResponseError, not retried', async () => {
    const { fake, client } = await setup();
    fake.setFault({ kind: 'malformed', times: 1 });
    expect(await failure(client.classify({ input: 'x' }))).toMatchObject({ status: 200, type: 'InvalidResponseError', isRetryable: false, attempts: 1 });
    fake.setFault({ kind: 'wrong-shape', times: 1 });
    const wrongShape = await failure(client.classify({ input: 'x' }));
    expect(wrongShape.type).toBe('InvalidResponseError');
    expect(wrongShape.message).toContain('data');
    expect(fake.requests).toHaveLength(2);
  });

  it('an HTML page from a proxy still becomes a readable error', async () => {
    const { fake, client } = await setup();
    fake.setFault({ kind: 'error', status: 502, body: '<html><body>bad gateway</body></html>' });
    const error = await failure(client.classify({ input: 'x' }));
    expect(error).toMatchObject({ status: 502, type: 'Bad Gateway', isRetryable: true });
    expect(error.message).toContain('<html><body>bad gateway');
  });

  it('is recognised through the shared Flow error marker and serialises to JSON', async () => {
    const { client } = await setup();
    const error = await failure(client.classify({ input: [] }));
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for('flow.error')]).toBe(true);
    expect(PoolingApiError.isInstance(new Error('x'))).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'POOLING_API_ERROR',
      message: error.message,
      details: { status: 400, type: 'BadRequestError', param: 'input', isRetryable: false, requestId: error.requestId, endpoint: 'POST /classify', attempts: 1 },
    });
  });
});
