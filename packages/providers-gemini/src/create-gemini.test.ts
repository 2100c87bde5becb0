import { ProviderApiError, type GenerateOptions } from '@flow/providers-core';
import { makePng, startFakeGemini, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGemini } from './create-gemini.js';

const key = 'AIzaSyTest-0123456789abcdef';
const png = makePng(5, 4);
const ask: GenerateOptions = {
  system: 'You find defects.',
  content: [
    { type: 'text', text: 'Any scratches?' },
    { type: 'image', data: png, mediaType: 'image/png' },
  ],
  maxTokens: 256,
  temperature: 0.1,
};
let fake: FakeVendor;

beforeEach(async () => {
  fake = await startFakeGemini({ apiKey: key });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

const model = (modelId = 'gemini-2.5-flash', settings: Parameters<typeof createGemini>[0] = {}) =>
  createGemini({ apiKey: key, baseURL: fake.baseURL, ...settings }).languageModel(modelId);
const lastRequest = () => fake.requests.at(-1)!;
const lastBody = () => lastRequest().json as Record<string, any>;

async function failure(options: Partial<GenerateOptions> = {}, settings: Parameters<typeof createGemini>[0] = {}): Promise<ProviderApiError> {
  const error = await model(undefined, settings)
    .generate({ ...ask, ...options })
    .catch((e: unknown) => e);
  expect(ProviderApiError.isInstance(error)).toBe(true);
  for (let current: any = error; current; current = current.cause) {
    expect(`${current.message} ${current.stack}`).not.toContain(settings.apiKey ?? key);
  }
  return error as ProviderApiError;
}

describe('createGemini generateContent', () => {
  it('posts contents with inline image data, systemInstruction and generationConfig, with x-goog-api-key', async () => {
    fake.reply({ text: 'No scratches.', usage: { inputTokens: 300, outputTokens: 3 }, model: 'gemini-2.5-flash-001' });
    const result = await model().generate(ask);
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(lastRequest().headers['x-goog-api-key']).toBe(key);
    expect(lastRequest().headers['content-type']).toBe('application/json');
    expect(lastBody()).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Any scratches?' }, { inlineData: { mimeType: 'image/png', data: Buffer.from(png).toString('base64') } }] }],
      systemInstruction: { parts: [{ text: 'You find defects.' }] },
      generationConfig: { maxOutputTokens: 256, temperature: 0.1 },
    });
    expect(result).toEqual({ text: 'No scratches.', finishReason: 'stop', usage: { inputTokens: 300, outputTokens: 3 }, model: 'gemini-2.5-flash-001', requestId: expect.stringMatching(/^resp-fake-/) });
  });

  it('accepts model ids written as models/<id> and sends no generationConfig when nothing is set', async () => {
    await model('models/gemini-2.0-flash').generate({ content: [{ type: 'text', text: 'hi' }] });
    expect(lastRequest().path).toBe('/v1beta/models/gemini-2.0-flash:generateContent');
    expect(lastBody()).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
  });

  it('converts a JSON Schema to responseSchema with responseMimeType application/json', async () => {
    fake.reply('{"scratches":2,"where":["left"]}');
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      properties: { scratches: { type: 'integer', minimum: 0 }, where: { type: 'array', items: { type: 'string', enum: ['left', 'right'] } }, note: { type: ['string', 'null'] } },
      required: ['scratches', 'where'],
    };
    const result = await model().generate({ ...ask, responseFormat: { type: 'json', schema } });
    expect(lastBody()['generationConfig']).toEqual({
      maxOutputTokens: 256,
      temperature: 0.1,
      responseMimeType: 'application/json',
      responseSchema: {
        type: 'OBJECT',
        properties: {
          scratches: { type: 'INTEGER', minimum: 0 },
          where: { type: 'ARRAY', items: { type: 'STRING', enum: ['left', 'right'], format: 'enum' } },
          note: { type: 'STRING', nullable: true },
        },
        required: ['scratches', 'where'],
      },
    });
    expect(JSON.parse(result.text)).toEqual({ scratches: 2, where: ['left'] });
  });

  it('sends json without a schema as responseMimeType only, and the schema as is with schemaForm json-schema', async () => {
    await model().generate({ ...ask, responseFormat: { type: 'json' } });
    expect(lastBody()['generationConfig']).toEqual({ maxOutputTokens: 256, temperature: 0.1, responseMimeType: 'application/json' });
    const schema = { type: 'object', additionalProperties: false, properties: { a: { type: 'number' } } };
    await model().generate({ ...ask, responseFormat: { type: 'json', schema }, providerOptions: { gemini: { schemaForm: 'json-schema' } } });
    expect(lastBody()['generationConfig']['responseJsonSchema']).toEqual(schema);
    expect(lastBody()['generationConfig']).not.toHaveProperty('responseSchema');
  });

  it('passes thinking config, safety settings and sampling options from providerOptions.gemini', async () => {
    const safetySettings = [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }];
    await model().generate({ ...ask, providerOptions: { gemini: { thinkingBudget: 0, safetySettings, topK: 20, topP: 0.9, mediaResolution: 'MEDIA_RESOLUTION_LOW' } } });
    expect(lastBody()['safetySettings']).toEqual(safetySettings);
    expect(lastBody()['generationConfig']).toMatchObject({ thinkingConfig: { thinkingBudget: 0 }, topK: 20, topP: 0.9, mediaResolution: 'MEDIA_RESOLUTION_LOW' });
  });

  it('refuses invalid providerOptions.gemini with zod paths, before any request', async () => {
    await expect(model().generate({ ...ask, providerOptions: { gemini: { thinkingBudget: 'lots' } } })).rejects.toThrow(/providerOptions\.gemini: thinkingBudget/);
    await expect(model().generate({ ...ask, providerOptions: { gemini: { thinking_budget: 1 } } })).rejects.toThrow(/thinking_budget/);
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content-filter'],
    ['RECITATION', 'content-filter'],
    ['PROHIBITED_CONTENT', 'content-filter'],
    ['BLOCKLIST', 'content-filter'],
    ['SPII', 'content-filter'],
    ['MALFORMED_FUNCTION_CALL', 'error'],
    ['LANGUAGE', 'other'],
    ['OTHER', 'other'],
  ] as const)('maps finishReason %s to %s', async (wire, expected) => {
    fake.reply({ text: 'partial', finishReason: wire });
    expect((await model().generate(ask)).finishReason).toBe(expected);
  });

  it('a blocked prompt (promptFeedback.blockReason) is content-filter with empty text and the prompt tokens', async () => {
    fake.reply({ blockReason: 'PROHIBITED_CONTENT', usage: { inputTokens: 40, outputTokens: 0 } });
    expect(await model().generate(ask)).toMatchObject({ text: '', finishReason: 'content-filter', usage: { inputTokens: 40, outputTokens: 0 } });
  });

  it('leaves thought parts out of the text and counts thinking tokens as output', async () => {
    fake.reply({
      body: {
        candidates: [{ content: { role: 'model', parts: [{ text: 'thinking about it', thought: true }, { text: 'Yes.' }] }, finishReason: 'STOP' }],
        usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 2, thoughtsTokenCount: 50, totalTokenCount: 62 },
        modelVersion: 'gemini-2.5-pro',
      },
    });
    expect(await model().generate(ask)).toEqual({ text: 'Yes.', finishReason: 'stop', usage: { inputTokens: 10, outputTokens: 52 }, model: 'gemini-2.5-pro' });
  });

  it('reads GEMINI_API_KEY, then GOOGLE_API_KEY, and GEMINI_BASE_URL at call time', async () => {
    vi.stubEnv('GEMINI_API_KEY', '');
    vi.stubEnv('GOOGLE_API_KEY', '');
    vi.stubEnv('GEMINI_BASE_URL', fake.baseURL);
    const lazy = createGemini().languageModel('gemini-2.5-flash');
    const missing = await lazy.generate(ask).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/GEMINI_API_KEY \(or GOOGLE_API_KEY\)/);
    expect(fake.requests).toHaveLength(0);
    vi.stubEnv('GOOGLE_API_KEY', key);
    await lazy.generate(ask);
    vi.stubEnv('GEMINI_API_KEY', key);
    vi.stubEnv('GOOGLE_API_KEY', 'AIza-other-key-not-used');
    await lazy.generate(ask);
    expect(fake.requests.map((request) => request.headers['x-goog-api-key'])).toEqual([key, key]);
  });

  it('sends factory and per-call headers; the key header cannot be overridden by them', async () => {
    await model(undefined, { headers: { 'x-goog-user-project': 'p1', 'x-goog-api-key': 'nope' } }).generate({ ...ask, headers: { 'x-trace': 't' } });
    expect(lastRequest().headers).toMatchObject({ 'x-goog-user-project': 'p1', 'x-trace': 't', 'x-goog-api-key': key });
  });
});

describe('createGemini failures', () => {
  it('429 is retryable and carries the RetryInfo delay and Google message', async () => {
    fake.setFault({ kind: 'error', status: 429, message: 'Resource has been exhausted (e.g. check quota).' });
    expect(await failure()).toMatchObject({
      provider: 'gemini',
      status: 429,
      isRetryable: true,
      retryAfterMs: 20_000,
      message: 'Gemini API error 429 RESOURCE_EXHAUSTED: Resource has been exhausted (e.g. check quota).',
    });
  });

  it('a Retry-After header wins over RetryInfo', async () => {
    fake.setFault({ kind: 'error', status: 503, message: 'The model is overloaded.', headers: { 'retry-after': '4' } });
    expect(await failure()).toMatchObject({ status: 503, isRetryable: true, retryAfterMs: 4000, message: 'Gemini API error 503 UNAVAILABLE: The model is overloaded.' });
  });

  it.each([500, 504, 408, 409])('%i is retryable', async (status) => {
    fake.setFault({ kind: 'error', status });
    expect(await failure()).toMatchObject({ status, isRetryable: true });
  });

  it.each([400, 403, 404])('%i is not retryable', async (status) => {
    fake.setFault({ kind: 'error', status, message: 'Request contains an invalid argument.' });
    expect(await failure()).toMatchObject({ status, isRetryable: false });
  });

  it('a wrong key is Google’s 400 API_KEY_INVALID, with the echoed key masked', async () => {
    const error = await failure({}, { apiKey: `${key}-bad` });
    expect(error).toMatchObject({ status: 400, isRetryable: false, message: 'Gemini API error 400 INVALID_ARGUMENT: API key not valid. Please pass a valid API key. (got ***)' });
  });

  it('an error body that is not Google’s keeps the status and shows the text', async () => {
    fake.setFault({ kind: 'error', status: 502, body: '<html>Bad Gateway</html>' });
    expect(await failure()).toMatchObject({ status: 502, isRetryable: true, message: 'Gemini API error 502: <html>Bad Gateway</html>' });
  });

  it('a connection reset is retryable without status', async () => {
    fake.setFault({ kind: 'reset' });
    const error = await failure();
    expect(error).toMatchObject({ status: null, isRetryable: true });
    expect(error.message).toMatch(/^Gemini connection failed: fetch failed/);
  });

  it('a malformed body is retryable; a body of the wrong shape is not (zod names the field)', async () => {
    fake.setFault({ kind: 'malformed', times: 1 });
    expect(await failure()).toMatchObject({ status: null, isRetryable: true, message: expect.stringMatching(/not valid JSON/) });
    fake.setFault({ kind: 'wrong-shape', times: 1 });
    expect(await failure()).toMatchObject({ status: 200, isRetryable: false, message: expect.stringMatching(/^Gemini returned an unexpected response body \(candidates: /) });
  });

  it('the per-request timeout is retryable and closes the connection', async () => {
    fake.setFault({ kind: 'hang' });
    expect(await failure({}, { timeoutMs: 100 })).toMatchObject({ status: null, isRetryable: true, message: 'Gemini request timed out' });
    // On a loaded machine the deadline may pass before the request reaches the fake; if it arrived, it was closed.
    await vi.waitFor(() => expect(fake.cancelled).toBe(fake.requests.length), { timeout: 10_000 });
  });

  it('an abort closes the connection at once and is not retryable', async () => {
    fake.setFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = failure({ signal: controller.signal });
    await vi.waitFor(() => expect(fake.inFlight).toBe(1), { timeout: 10_000 });
    controller.abort();
    expect(await pending).toMatchObject({ status: null, isRetryable: false, message: 'Gemini request was aborted' });
    await vi.waitFor(() => expect(fake.cancelled).toBe(1), { timeout: 10_000 });
  });

  it('retries only when maxRetries is set, honouring the wait, and counts attempts', async () => {
    fake.setFault({ kind: 'error', status: 503, headers: { 'retry-after-ms': '10' }, times: 2 });
    fake.reply('ok');
    expect((await model(undefined, { maxRetries: 2 }).generate(ask)).text).toBe('ok');
    expect(fake.requests).toHaveLength(3);
    fake.setFault({ kind: 'error', status: 503, times: 1 });
    const error = await failure();
    expect(error.attempts).toBe(1);
    expect(fake.requests).toHaveLength(4);
  });
});

describe('createGemini transport settings', () => {
  it('uses the given fetch and refuses bad maxRetries/timeoutMs at once', async () => {
    const urls: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    await createGemini({ apiKey: key, baseURL: `${fake.baseURL}/`, fetch: recordingFetch }).languageModel('gemini-2.5-flash').generate(ask);
    expect(urls).toEqual([`${fake.baseURL}/v1beta/models/gemini-2.5-flash:generateContent`]);
    expect(() => createGemini({ maxRetries: -1 })).toThrow(/maxRetries must be a non-negative integer/);
    expect(() => createGemini({ timeoutMs: 1.5 })).toThrow(/timeoutMs must be a positive integer/);
    expect(() => createGemini({ timeoutMs: 0 })).toThrow(/timeoutMs must be a positive integer/);
  });
});
