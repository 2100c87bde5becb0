import { ProviderApiError, type GenerateOptions } from '@flow/providers-core';
import { makePng, startFakeOpenRouter, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenRouter } from './create-openrouter.js';

const key = 'sk-or-v1-abcdef0123456789';
const png = makePng(2, 2);
const ask: GenerateOptions = {
  system: 'Be brief.',
  content: [
    { type: 'text', text: 'What is this?' },
    { type: 'image', data: png, mediaType: 'image/png', detail: 'high' },
  ],
  maxTokens: 200,
  temperature: 0,
};
let fake: FakeVendor;

beforeEach(async () => {
  fake = await startFakeOpenRouter({ apiKey: key });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

const model = (modelId = 'anthropic/claude-sonnet-4.5', settings: Parameters<typeof createOpenRouter>[0] = {}) =>
  createOpenRouter({ apiKey: key, baseURL: fake.baseURL, ...settings }).languageModel(modelId);

async function failure(options: Partial<GenerateOptions> = {}): Promise<ProviderApiError> {
  const error = await model()
    .generate({ ...ask, ...options })
    .catch((e: unknown) => e);
  expect(ProviderApiError.isInstance(error)).toBe(true);
  for (let current: any = error; current; current = current.cause) {
    expect(`${current.message}${current.stack}`).not.toContain(key);
  }
  return error as ProviderApiError;
}

describe('createOpenRouter', () => {
  it('sends the OpenAI chat body with max_tokens, temperature, a system message, the image and the bearer key', async () => {
    fake.reply({ text: 'A cat.', usage: { inputTokens: 50, outputTokens: 2 }, model: 'anthropic/claude-4.5-sonnet-20250929' });
    const result = await model().generate(ask);
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/api/v1/chat/completions');
    expect(request.headers['authorization']).toBe(`Bearer ${key}`);
    expect(request.json).toEqual({
      model: 'anthropic/claude-sonnet-4.5',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, detail: 'high' } },
          ],
        },
      ],
      max_tokens: 200,
      temperature: 0,
    });
    expect(result).toEqual({ text: 'A cat.', finishReason: 'stop', usage: { inputTokens: 50, outputTokens: 2 }, model: 'anthropic/claude-4.5-sonnet-20250929', requestId: expect.stringMatching(/^gen-fake-/) });
  });

  it('keeps max_tokens and temperature even for OpenAI reasoning models (OpenRouter translates them)', async () => {
    await model('openai/o3').generate(ask);
    expect(fake.requests.at(-1)!.json).toMatchObject({ max_tokens: 200, temperature: 0 });
  });

  it('merges provider routing and other providerOptions.openrouter into the body', async () => {
    const routing = { data_collection: 'deny', zdr: true, order: ['anthropic'], allow_fallbacks: false };
    await model().generate({ ...ask, providerOptions: { openrouter: { provider: routing, models: ['google/gemini-2.5-flash'] } } });
    expect(fake.requests.at(-1)!.json).toMatchObject({ provider: routing, models: ['google/gemini-2.5-flash'] });
  });

  it('refuses providerOptions.openrouter that would override what Flow sets', async () => {
    await expect(model().generate({ ...ask, providerOptions: { openrouter: { max_tokens: 5 } } })).rejects.toThrow(/max_tokens is set by Flow/);
    expect(fake.requests).toHaveLength(0);
  });

  it('sends the attribution headers when configured, and not otherwise', async () => {
    await model(undefined, { appUrl: 'https://example.com/app', appName: 'Flow tests' }).generate(ask);
    expect(fake.requests.at(-1)!.headers).toMatchObject({ 'http-referer': 'https://example.com/app', 'x-title': 'Flow tests' });
    await model().generate(ask);
    expect(fake.requests.at(-1)!.headers).not.toHaveProperty('http-referer');
    expect(fake.requests.at(-1)!.headers).not.toHaveProperty('x-title');
  });

  it('asks for json_schema with a schema', async () => {
    const schema = { type: 'object', properties: { label: { type: 'string' } }, required: ['label'], additionalProperties: false };
    fake.reply('{"label":"cat"}');
    const result = await model().generate({ ...ask, responseFormat: { type: 'json', schema, name: 'label' } });
    expect(fake.requests.at(-1)!.json).toMatchObject({ response_format: { type: 'json_schema', json_schema: { name: 'label', schema, strict: true } } });
    expect(JSON.parse(result.text)).toEqual({ label: 'cat' });
  });

  it.each([
    ['end_turn', 'stop'],
    ['max_tokens', 'length'],
    ['SAFETY', 'content-filter'],
    ['error', 'error'],
  ] as const)('maps the upstream finish %s (normalised by OpenRouter) to %s', async (native, expected) => {
    fake.reply({ text: 'x', finishReason: native });
    expect((await model().generate(ask)).finishReason).toBe(expected);
  });

  it('reads OPENROUTER_API_KEY and OPENROUTER_BASE_URL lazily, and names the variable when the key is missing', async () => {
    vi.stubEnv('OPENROUTER_API_KEY', '');
    vi.stubEnv('OPENROUTER_BASE_URL', fake.baseURL);
    const lazy = createOpenRouter().languageModel('openai/gpt-4o');
    await expect(lazy.generate(ask)).rejects.toThrow(/OPENROUTER_API_KEY/);
    expect(fake.requests).toHaveLength(0);
    vi.stubEnv('OPENROUTER_API_KEY', key);
    await lazy.generate(ask);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('createOpenRouter failures', () => {
  it('a 200 reply with choices: null and an error names OpenRouter, keeps its message and uses its code as status', async () => {
    fake.reply({ error: { code: 502, message: 'Upstream provider returned an error', metadata: { provider_name: 'Anthropic' } } });
    const error = await failure();
    expect(error).toMatchObject({ provider: 'openrouter', status: 502, isRetryable: true, requestId: expect.stringMatching(/^gen-fake-/) });
    expect(error.message).toBe('OpenRouter error 502 (upstream Anthropic): Upstream provider returned an error');
  });

  it('a choices: null error with a 4xx code is not retryable, and one without a code has no status', async () => {
    fake.enqueue({ error: { code: 400, message: 'Image too large for this model' } }, { error: { message: 'Something went wrong' } });
    expect(await failure()).toMatchObject({ status: 400, isRetryable: false, message: 'OpenRouter error 400: Image too large for this model' });
    expect(await failure()).toMatchObject({ status: null, isRetryable: true, message: 'OpenRouter error: Something went wrong' });
  });

  it('an HTTP 429 with Retry-After is retryable and carries the wait and OpenRouter message', async () => {
    fake.setFault({ kind: 'error', status: 429, message: 'Rate limit exceeded: free-models-per-min', headers: { 'retry-after': '3' } });
    expect(await failure()).toMatchObject({ status: 429, isRetryable: true, retryAfterMs: 3000, message: 'OpenRouter API error 429: Rate limit exceeded: free-models-per-min' });
  });

  it('a 402 (no credits) is not retryable', async () => {
    fake.setFault({ kind: 'error', status: 402, message: 'Insufficient credits' });
    expect(await failure()).toMatchObject({ status: 402, isRetryable: false });
  });

  it('a wrong key is a 401 with the echoed key masked', async () => {
    const error = (await createOpenRouter({ apiKey: `${key}x`, baseURL: fake.baseURL }).languageModel('a/b').generate(ask).catch((e: unknown) => e)) as ProviderApiError;
    expect(error).toMatchObject({ status: 401, isRetryable: false });
    expect(error.message).toBe('OpenRouter API error 401: No user or org found for key ***');
  });

  it('a connection reset and a malformed body are retryable without status', async () => {
    fake.setFault({ kind: 'reset', times: 1 });
    expect(await failure()).toMatchObject({ status: null, isRetryable: true });
    fake.setFault({ kind: 'malformed', times: 1 });
    expect(await failure()).toMatchObject({ status: null, isRetryable: true, message: expect.stringMatching(/not valid JSON/) });
  });

  it('an abort closes the connection at once', async () => {
    fake.setFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = failure({ signal: controller.signal });
    await vi.waitFor(() => expect(fake.inFlight).toBe(1), { timeout: 10_000 });
    controller.abort();
    expect(await pending).toMatchObject({ status: null, isRetryable: false, message: 'OpenRouter request was aborted' });
    await vi.waitFor(() => expect(fake.cancelled).toBe(1), { timeout: 10_000 });
  });
});
