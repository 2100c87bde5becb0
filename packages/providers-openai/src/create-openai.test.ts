import { ProviderApiError, type GenerateOptions } from '@flow/providers-core';
import { startFakeOpenAI, makePng, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAI } from './create-openai.js';

const key = 'sk-test-0123456789abcdef';
let fake: FakeVendor;

beforeEach(async () => {
  fake = await startFakeOpenAI({ apiKey: key });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

const png = makePng(4, 3);
const ask: GenerateOptions = {
  system: 'You count objects.',
  content: [
    { type: 'text', text: 'How many cats?' },
    { type: 'image', data: png, mediaType: 'image/png', detail: 'low' },
  ],
  maxTokens: 300,
  temperature: 0.2,
};

function model(modelId = 'gpt-4o', settings: Parameters<ReturnType<typeof createOpenAI>['languageModel']>[1] = {}) {
  return createOpenAI({ apiKey: key, baseURL: fake.baseURL }).languageModel(modelId, settings);
}

function lastBody(): Record<string, any> {
  return fake.requests.at(-1)!.json as Record<string, any>;
}

describe('createOpenAI chat completions', () => {
  it('sends system, text, base64 image with its detail, max_tokens and temperature, with the bearer key', async () => {
    fake.reply({ text: 'Three cats.', usage: { inputTokens: 120, outputTokens: 3 }, model: 'gpt-4o-2024-08-06' });
    const result = await model().generate(ask);
    const request = fake.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers['authorization']).toBe(`Bearer ${key}`);
    expect(request.json).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You count objects.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'How many cats?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, detail: 'low' } },
          ],
        },
      ],
      max_tokens: 300,
      temperature: 0.2,
    });
    expect(result).toEqual({
      text: 'Three cats.',
      finishReason: 'stop',
      usage: { inputTokens: 120, outputTokens: 3 },
      model: 'gpt-4o-2024-08-06',
      requestId: 'req_fake_1',
    });
  });

  it('leaves detail out when the part has none, and the system message when there is no system prompt', async () => {
    await model().generate({ content: [{ type: 'image', data: png, mediaType: 'image/png' }] });
    expect(lastBody()['messages']).toEqual([{ role: 'user', content: [{ type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/png;base64,/) } }] }]);
    expect(lastBody()).not.toHaveProperty('max_tokens');
    expect(lastBody()).not.toHaveProperty('temperature');
  });

  it.each(['o1', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5.1-mini'])('uses max_completion_tokens, a developer message and no temperature for %s', async (modelId) => {
    await model(modelId).generate(ask);
    const body = lastBody();
    expect(body['max_completion_tokens']).toBe(300);
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('temperature');
    expect(body['messages'][0]).toEqual({ role: 'developer', content: 'You count objects.' });
  });

  it('keeps max_tokens and temperature for gpt-5-chat-latest and gpt-4.1', async () => {
    for (const modelId of ['gpt-5-chat-latest', 'gpt-4.1']) {
      await model(modelId).generate(ask);
      expect(lastBody()['max_tokens']).toBe(300);
      expect(lastBody()['temperature']).toBe(0.2);
    }
  });

  it('asks for strict json_schema output with a schema and json_object without one', async () => {
    const schema = { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'], additionalProperties: false };
    fake.reply('{"count":3}');
    const result = await model().generate({ ...ask, responseFormat: { type: 'json', schema, name: 'cat count!' } });
    expect(lastBody()['response_format']).toEqual({ type: 'json_schema', json_schema: { name: 'cat_count_', schema, strict: true } });
    expect(JSON.parse(result.text)).toEqual({ count: 3 });
    await model().generate({ ...ask, responseFormat: { type: 'json' } });
    expect(lastBody()['response_format']).toEqual({ type: 'json_object' });
    await model().generate({ ...ask, responseFormat: { type: 'text' } });
    expect(lastBody()).not.toHaveProperty('response_format');
  });

  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['tool_calls', 'other'],
  ] as const)('maps finish_reason %s to %s', async (wire, expected) => {
    fake.reply({ text: 'x', finishReason: wire });
    expect((await model().generate(ask)).finishReason).toBe(expected);
  });

  it('reports a refusal as content-filter with the refusal text', async () => {
    fake.reply({ refusal: 'I cannot help with that.' });
    const result = await model().generate(ask);
    expect(result).toMatchObject({ text: 'I cannot help with that.', finishReason: 'content-filter' });
  });

  it('passes providerOptions.openai (reasoning effort, service tier, user) and per-call headers', async () => {
    await model('o3').generate({ ...ask, headers: { 'x-trace': 't-1' }, providerOptions: { openai: { reasoningEffort: 'low', serviceTier: 'flex', user: 'u-7' } } });
    expect(lastBody()).toMatchObject({ reasoning_effort: 'low', service_tier: 'flex', user: 'u-7' });
    expect(fake.requests.at(-1)!.headers['x-trace']).toBe('t-1');
  });

  it('refuses unknown or mistyped providerOptions.openai before any request', async () => {
    await expect(model().generate({ ...ask, providerOptions: { openai: { reasoning_effort: 'low' } } })).rejects.toThrow(/unknown option "reasoning_effort"/);
    await expect(model().generate({ ...ask, providerOptions: { openai: { api: 'assistants' } } })).rejects.toThrow(/api must be "chat" or "responses"/);
    expect(fake.requests).toHaveLength(0);
  });

  it('sends factory headers with every request and makes exactly one attempt per call (SDK retries off)', async () => {
    fake.setFault({ kind: 'error', status: 503 });
    const provider = createOpenAI({ apiKey: key, baseURL: fake.baseURL, headers: { 'OpenAI-Project': 'proj_1' } });
    await expect(provider.languageModel('gpt-4o').generate(ask)).rejects.toThrow(ProviderApiError);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.headers['openai-project']).toBe('proj_1');
  });
});

describe('createOpenAI responses API', () => {
  it('sends instructions, input_text/input_image with detail, max_output_tokens and store false', async () => {
    fake.reply({ text: 'Three cats.', usage: { inputTokens: 90, outputTokens: 4 } });
    const result = await model('gpt-4o', { api: 'responses' }).generate(ask);
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/v1/responses');
    expect(request.json).toEqual({
      model: 'gpt-4o',
      instructions: 'You count objects.',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'How many cats?' },
            { type: 'input_image', image_url: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, detail: 'low' },
          ],
        },
      ],
      max_output_tokens: 300,
      temperature: 0.2,
      store: false,
    });
    expect(result).toEqual({ text: 'Three cats.', finishReason: 'stop', usage: { inputTokens: 90, outputTokens: 4 }, model: 'gpt-4o', requestId: 'req_fake_1' });
  });

  it('is chosen per call by providerOptions.openai.api, with reasoning effort and strict text.format', async () => {
    const schema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'], additionalProperties: false };
    await model('o4-mini').generate({ ...ask, responseFormat: { type: 'json', schema }, providerOptions: { openai: { api: 'responses', reasoningEffort: 'high' } } });
    const body = lastBody();
    expect(fake.requests.at(-1)!.path).toBe('/v1/responses');
    expect(body['reasoning']).toEqual({ effort: 'high' });
    expect(body['text']).toEqual({ format: { type: 'json_schema', name: 'response', schema, strict: true } });
    expect(body).not.toHaveProperty('temperature');
    expect(body['input'][0].content[1].detail).toBe('low');
  });

  it.each([
    ['completed', 'stop'],
    ['max_output_tokens', 'length'],
    ['content_filter', 'content-filter'],
    ['failed', 'error'],
  ] as const)('maps %s to %s', async (wire, expected) => {
    fake.reply({ text: 'x', finishReason: wire });
    expect((await model('gpt-4o', { api: 'responses' }).generate(ask)).finishReason).toBe(expected);
  });

  it('reports a refusal part as content-filter', async () => {
    fake.reply({ refusal: 'No.' });
    expect(await model('gpt-4o', { api: 'responses' }).generate(ask)).toMatchObject({ text: 'No.', finishReason: 'content-filter' });
  });
});

describe('createOpenAI keys and base URLs', () => {
  it('reads OPENAI_API_KEY and OPENAI_BASE_URL at call time, not at creation', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OPENAI_BASE_URL', '');
    const lazy = createOpenAI().languageModel('gpt-4o');
    vi.stubEnv('OPENAI_API_KEY', key);
    vi.stubEnv('OPENAI_BASE_URL', fake.baseURL);
    await lazy.generate(ask);
    expect(fake.requests.at(-1)!.headers['authorization']).toBe(`Bearer ${key}`);
  });

  it('prefers model settings over the factory and the environment', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env-should-not-be-used');
    const other = await startFakeOpenAI();
    try {
      await createOpenAI({ baseURL: 'http://127.0.0.1:9/v1' }).languageModel('gpt-4o', { apiKey: key, baseURL: other.baseURL }).generate(ask);
      expect(other.requests[0]!.headers['authorization']).toBe(`Bearer ${key}`);
    } finally {
      await other.close();
    }
  });

  it('fails before any request when no key is set, naming OPENAI_API_KEY', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const error = await createOpenAI({ baseURL: fake.baseURL }).languageModel('gpt-4o').generate(ask).catch((e: unknown) => e);
    expect(ProviderApiError.isInstance(error)).toBe(true);
    expect((error as ProviderApiError).message).toContain('OPENAI_API_KEY');
    expect((error as ProviderApiError).isRetryable).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });
});
