import { ProviderApiError, type GenerateOptions } from '@flow/providers-core';
import { makePng, startFakeAnthropic, type FakeVendor } from '@flow/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnthropic } from './create-anthropic.js';
import { acceptsSampling, supportsNativeStructuredOutput } from './model-family.js';

const key = 'sk-ant-api03-test-0123456789';
const png = makePng(3, 2);
const ask: GenerateOptions = {
  system: 'You label images.',
  content: [
    { type: 'image', data: png, mediaType: 'image/png' },
    { type: 'text', text: 'What is in the image?' },
  ],
  maxTokens: 500,
  temperature: 0.3,
};
let fake: FakeVendor;

beforeEach(async () => {
  fake = await startFakeAnthropic({ apiKey: key });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

const model = (modelId = 'claude-sonnet-4-5') => createAnthropic({ apiKey: key, baseURL: fake.baseURL }).languageModel(modelId);
const lastRequest = () => fake.requests.at(-1)!;
const lastBody = () => lastRequest().json as Record<string, any>;

describe('createAnthropic messages', () => {
  it('sends system apart, base64 image blocks in order, max_tokens, temperature, the key and anthropic-version', async () => {
    fake.reply({ text: 'A cat.', usage: { inputTokens: 1500, outputTokens: 4 }, model: 'claude-sonnet-4-5-20250929' });
    const result = await model().generate(ask);
    expect(lastRequest().path).toBe('/v1/messages');
    // SDK 1.x sends the API key as a bearer token (the API takes it as well as `x-api-key`).
    expect(lastRequest().headers['authorization']).toBe(`Bearer ${key}`);
    expect(lastRequest().headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(lastBody()).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 500,
      stream: false,
      system: 'You label images.',
      temperature: 0.3,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: Buffer.from(png).toString('base64') } },
            { type: 'text', text: 'What is in the image?' },
          ],
        },
      ],
    });
    expect(result).toEqual({ text: 'A cat.', finishReason: 'stop', usage: { inputTokens: 1500, outputTokens: 4 }, model: 'claude-sonnet-4-5-20250929', requestId: 'req_fake_1' });
  });

  it('leaves temperature out for models that no longer take it, and defaults max_tokens by model', async () => {
    await model('claude-opus-4-7').generate({ ...ask, maxTokens: undefined });
    expect(lastBody()).not.toHaveProperty('temperature');
    expect(lastBody()['max_tokens']).toBe(16_000);
    expect(lastBody()['stream']).toBe(true); // above the non-streaming threshold
    await model('claude-3-5-haiku-20241022').generate({ ...ask, maxTokens: undefined });
    expect(lastBody()).toMatchObject({ temperature: 0.3, max_tokens: 4096 });
    expect(lastBody()['stream']).toBe(false);
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['pause_turn', 'other'],
  ] as const)('maps stop_reason %s to %s', async (wire, expected) => {
    fake.reply({ text: 'x', finishReason: wire });
    expect((await model().generate(ask)).finishReason).toBe(expected);
  });

  it('maps a refusal to content-filter', async () => {
    fake.reply({ refusal: 'I will not describe this.' });
    expect(await model().generate(ask)).toMatchObject({ finishReason: 'content-filter', text: 'I will not describe this.' });
  });

  it('counts cache writes and reads as input tokens', async () => {
    fake.reply({ body: { id: 'msg_1', type: 'message', role: 'assistant', model: 'm', content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn', usage: { input_tokens: 10, cache_creation_input_tokens: 100, cache_read_input_tokens: 1000, output_tokens: 2 } } });
    expect((await model().generate(ask)).usage).toEqual({ inputTokens: 1110, outputTokens: 2 });
  });

  it('passes extended thinking, drops temperature then, and returns only the text blocks', async () => {
    fake.reply({ body: { id: 'msg_1', type: 'message', role: 'assistant', model: 'm', content: [{ type: 'thinking', thinking: 'Let me look...', signature: 's' }, { type: 'text', text: 'A dog.' }], stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } } });
    const result = await model().generate({ ...ask, maxTokens: 4000, providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: 2048 } } } });
    expect(lastBody()['thinking']).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(lastBody()).not.toHaveProperty('temperature');
    expect(result.text).toBe('A dog.');
  });

  it('refuses bad providerOptions.anthropic before any request', async () => {
    await expect(model().generate({ ...ask, providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: 10 } } } })).rejects.toThrow(/budgetTokens/);
    await expect(model().generate({ ...ask, providerOptions: { anthropic: { top_k: 3 } } })).rejects.toThrow(/unknown option "top_k"/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('createAnthropic structured output', () => {
  const schema = { type: 'object', properties: { label: { type: 'string' } }, required: ['label'], additionalProperties: false };

  it('uses native output_config.format on models that have it; the text is the JSON', async () => {
    fake.reply('{"label":"cat"}');
    const result = await model('claude-sonnet-4-5').generate({ ...ask, responseFormat: { type: 'json', schema } });
    expect(lastBody()['output_config']).toEqual({ format: { type: 'json_schema', schema } });
    expect(lastBody()).not.toHaveProperty('tools');
    expect(JSON.parse(result.text)).toEqual({ label: 'cat' });
  });

  it('forces a tool on older models and returns its input as JSON text with finish stop', async () => {
    fake.reply('{"label":"cat"}');
    const result = await model('claude-3-7-sonnet-20250219').generate({ ...ask, responseFormat: { type: 'json', schema } });
    expect(lastBody()['tools']).toEqual([{ name: 'json_response', description: "Give the answer as this tool's input.", input_schema: schema }]);
    expect(lastBody()['tool_choice']).toEqual({ type: 'tool', name: 'json_response' });
    expect(lastBody()).not.toHaveProperty('output_config');
    expect(result).toMatchObject({ text: '{"label":"cat"}', finishReason: 'stop' });
  });

  it('wraps a non-object schema in { value } for the tool and unwraps the answer', async () => {
    fake.reply('{"value":["cat","dog"]}');
    const listSchema = { type: 'array', items: { type: 'string' } };
    const result = await model().generate({ ...ask, responseFormat: { type: 'json', schema: listSchema }, providerOptions: { anthropic: { structuredOutput: 'tool' } } });
    expect(lastBody()['tools'][0].input_schema).toEqual({ type: 'object', properties: { value: listSchema }, required: ['value'] });
    expect(JSON.parse(result.text)).toEqual(['cat', 'dog']);
  });

  it('gets any JSON object through an open tool schema when no schema is given', async () => {
    fake.reply('{"anything":1}');
    const result = await model().generate({ ...ask, responseFormat: { type: 'json' } });
    expect(lastBody()['tools'][0].input_schema).toEqual({ type: 'object', additionalProperties: true });
    expect(JSON.parse(result.text)).toEqual({ anything: 1 });
  });

  it('refuses a forced tool with thinking on', async () => {
    await expect(
      model().generate({ ...ask, maxTokens: 4000, responseFormat: { type: 'json' }, providerOptions: { anthropic: { thinking: { type: 'adaptive' } } } }),
    ).rejects.toThrow(/cannot force a tool while thinking/);
  });
});

describe('createAnthropic streaming', () => {
  it('streams above STREAMING_MAX_TOKENS and assembles the text, stop reason and usage from the events', async () => {
    fake.reply({ text: 'A long and careful description.', finishReason: 'max_tokens', usage: { inputTokens: 77, outputTokens: 30000 } });
    const result = await model().generate({ ...ask, maxTokens: 30_000 });
    expect(lastBody()).toMatchObject({ stream: true, max_tokens: 30_000 });
    expect(result).toEqual({ text: 'A long and careful description.', finishReason: 'length', usage: { inputTokens: 77, outputTokens: 30000 }, model: 'claude-sonnet-4-5', requestId: 'req_fake_1' });
  });

  it('streams a forced tool answer (input_json_delta) when asked to stream', async () => {
    fake.reply('{"value":[1,2]}');
    const result = await model('claude-3-opus').generate({ ...ask, responseFormat: { type: 'json', schema: { type: 'array' } }, providerOptions: { anthropic: { stream: true } } });
    expect(lastBody()['stream']).toBe(true);
    expect(JSON.parse(result.text)).toEqual([1, 2]);
  });

  it('turns a mid-stream overloaded_error event into a retryable 529', async () => {
    fake.reply({ error: { code: 529, message: 'Overloaded' } });
    const error = (await model().generate({ ...ask, providerOptions: { anthropic: { stream: true } } }).catch((e: unknown) => e)) as ProviderApiError;
    expect(ProviderApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'anthropic', status: 529, isRetryable: true, message: 'Anthropic stream error (overloaded_error): Overloaded' });
  });

  it('an abort during a stream closes the connection', async () => {
    fake.setFault({ kind: 'hang' });
    const controller = new AbortController();
    const pending = model().generate({ ...ask, maxTokens: 20_000, signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(fake.inFlight).toBe(1), { timeout: 10_000 });
    controller.abort();
    expect(await pending).toMatchObject({ status: null, isRetryable: false, message: 'Anthropic request was aborted' });
    await vi.waitFor(() => expect(fake.cancelled).toBe(1), { timeout: 10_000 });
  });
});

describe('createAnthropic keys', () => {
  it('reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL at call time and never ANTHROPIC_AUTH_TOKEN', async () => {
    vi.stubEnv('ANTHROPIC_API_KEY', '');
    vi.stubEnv('ANTHROPIC_AUTH_TOKEN', 'token-that-must-not-be-sent');
    vi.stubEnv('ANTHROPIC_BASE_URL', fake.baseURL);
    const lazy = createAnthropic().languageModel('claude-haiku-4-5');
    await expect(lazy.generate(ask)).rejects.toThrow(/ANTHROPIC_API_KEY/);
    expect(fake.requests).toHaveLength(0);
    vi.stubEnv('ANTHROPIC_API_KEY', key);
    await lazy.generate(ask);
    expect(lastRequest().headers['authorization']).toBe(`Bearer ${key}`);
  });
});

describe('model families', () => {
  it.each([
    ['claude-3-5-sonnet-20241022', true, false],
    ['claude-sonnet-4-20250514', true, false],
    ['claude-opus-4-1', true, true],
    ['claude-sonnet-4-5-20250929', true, true],
    ['claude-haiku-4-5', true, true],
    ['claude-opus-4-6', true, true],
    ['claude-opus-4-7', false, true],
    ['claude-sonnet-5', false, true],
    ['some-future-model', false, true],
  ] as const)('%s: sampling %s, native structured output %s', (id, sampling, native) => {
    expect(acceptsSampling(id)).toBe(sampling);
    expect(supportsNativeStructuredOutput(id)).toBe(native);
  });
});
