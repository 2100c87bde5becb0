import { afterEach, describe, expect, it } from 'vitest';
import { ProviderApiError } from '../errors/provider-api-error.js';
import { ProviderConfigurationError } from '../errors/provider-configuration-error.js';
import { ProviderNotInstalledError } from '../errors/provider-not-installed-error.js';
import { providerLimiter, resetProviderLimiters } from '../limits/provider-limiter.js';
import { ScriptedModel, scriptedProvider, text } from '../test-support/scripted-model.js';
import { createProviderRegistry } from './create-provider-registry.js';

afterEach(() => resetProviderLimiters());

const flowErrorMarker = Symbol.for('flow.error');

describe('createProviderRegistry', () => {
  it('returns the vendor model, wrapped, keeping its identity fields, and passes the settings through', async () => {
    const model = new ScriptedModel({ provider: 'openai', modelId: 'gpt-4o' });
    const provider = scriptedProvider(model);
    const registry = createProviderRegistry({ openai: provider }, { env: {} });
    const wrapped = registry.languageModel('openai', 'gpt-4o', { apiKey: 'sk-step-key-123', baseURL: 'http://127.0.0.1:9/v1' });
    expect(wrapped).not.toBe(model);
    expect(wrapped).toMatchObject({ provider: 'openai', modelId: 'gpt-4o', specificationVersion: 'flow-v1' });
    expect(provider.settings).toEqual([{ apiKey: 'sk-step-key-123', baseURL: 'http://127.0.0.1:9/v1' }]);
    expect(registry.providerIds).toEqual(['openai']);
    await expect(wrapped.generate({ content: [text('hi')] })).resolves.toMatchObject({ text: 'answer 1', finishReason: 'stop' });
  });

  it('a first-party provider that is not wired names the package to install and how to wire it', () => {
    const registry = createProviderRegistry({ openai: scriptedProvider(new ScriptedModel()) }, { env: {} });
    const error = (() => {
      try {
        registry.languageModel('anthropic', 'claude-x');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(ProviderNotInstalledError.isInstance(error)).toBe(true);
    expect((error as Record<symbol, unknown>)[flowErrorMarker]).toBe(true);
    expect(error).toMatchObject({ code: 'PROVIDER_NOT_INSTALLED', provider: 'anthropic', packageName: '@flow/providers-anthropic', installed: ['openai'] });
    const message = (error as Error).message;
    expect(message).toContain('pnpm add @flow/providers-anthropic');
    expect(message).toContain('createProviderRegistry({ anthropic: createAnthropic() })');
    expect(message).toContain('`openai`');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'PROVIDER_NOT_INSTALLED', details: { package: '@flow/providers-anthropic' } });
  });

  it('a wholly unknown provider id lists the wired ones', () => {
    const registry = createProviderRegistry({ openai: scriptedProvider(new ScriptedModel()), gemini: scriptedProvider(new ScriptedModel({ provider: 'gemini' })) }, { env: {} });
    expect(() => registry.languageModel('mistral', 'm')).toThrow(/Unknown provider `mistral`. Wired providers: `openai`, `gemini`/);
    expect(() => registry.languageModel('toString', 'm')).toThrow(expect.objectContaining({ code: 'PROVIDER_UNKNOWN' }));
    expect(() => createProviderRegistry({}, { env: {} }).languageModel('openai', 'm')).toThrow(/Wired providers: none/);
  });

  it('refuses bad settings at construction with the variable named', () => {
    const wire = (env: Record<string, string>, extra = {}) => () => createProviderRegistry({ openai: scriptedProvider(new ScriptedModel()) }, { env, ...extra });
    expect(wire({ FLOW_MODEL_MAX_RETRIES: 'three' })).toThrow(/FLOW_MODEL_MAX_RETRIES must be a whole number >= 0; got "three"/);
    expect(wire({ FLOW_MODEL_TIMEOUT_MS: '0' })).toThrow(/FLOW_MODEL_TIMEOUT_MS/);
    expect(wire({ FLOW_OPENAI_MAX_CONCURRENCY: '-1' })).toThrow(/FLOW_OPENAI_MAX_CONCURRENCY/);
    expect(wire({ FLOW_OPENAI_RPM: '1.5' })).toThrow(/FLOW_OPENAI_RPM/);
    expect(wire({}, { maxRetries: -1 })).toThrow(ProviderConfigurationError);
    expect(() => createProviderRegistry({ openai: {} as never }, { env: {} })).toThrow(/`openai` has no languageModel\(\)/);
    // Options win over the environment.
    expect(wire({ FLOW_MODEL_MAX_RETRIES: 'three' }, { maxRetries: 1 })).not.toThrow();
  });

  it('honours FLOW_MODEL_MAX_RETRIES', async () => {
    const model = new ScriptedModel({ fallback: { kind: 'fail', status: 500 } });
    const registry = createProviderRegistry({ openai: scriptedProvider(model) }, { env: { FLOW_MODEL_MAX_RETRIES: '1' }, backoff: { initialDelayMs: 1, maxDelayMs: 1 } });
    const error = await registry.languageModel('openai', 'm').generate({ content: [] }).catch((caught: unknown) => caught);
    expect(ProviderApiError.isInstance(error) && error.attempts).toBe(2);
    expect(model.calls).toHaveLength(2);
  });

  it('enforces FLOW_MODEL_TIMEOUT_MS on the real clock and aborts the vendor request', async () => {
    const model = new ScriptedModel({ fallback: { kind: 'hang' } });
    const registry = createProviderRegistry({ openai: scriptedProvider(model) }, { env: { FLOW_MODEL_TIMEOUT_MS: '30', FLOW_MODEL_MAX_RETRIES: '0' } });
    const error = await registry.languageModel('openai', 'm').generate({ content: [] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PROVIDER_API_ERROR', status: null, isRetryable: true, attempts: 1 });
    expect(model.calls[0]!.signal?.aborted).toBe(true);
    expect(model.inFlight).toBe(0);
  });

  it('reads per-provider limits from the environment, by the id the provider is wired under', async () => {
    const registry = createProviderRegistry(
      { 'my-vllm': scriptedProvider(new ScriptedModel({ provider: 'openai' })) },
      { env: { FLOW_MY_VLLM_MAX_CONCURRENCY: '3', FLOW_MY_VLLM_RPM: '90' } },
    );
    await registry.languageModel('my-vllm', 'm').generate({ content: [] });
    expect(providerLimiter('my-vllm', { maxConcurrency: 3, requestsPerMinute: 90 }).limits).toEqual({ maxConcurrency: 3, requestsPerMinute: 90 });
  });

  it('masks the API key a caller passed in any error the vendor raises, cause chain included', async () => {
    const key = 'sk-caller-secret-0123456789';
    const model = new ScriptedModel({ script: [{ kind: 'fail', status: 401, message: `Incorrect API key provided: ${key}` }] });
    const registry = createProviderRegistry({ openai: scriptedProvider(model) }, { env: {} });
    const error = await registry.languageModel('openai', 'm', { apiKey: key }).generate({ content: [] }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('Incorrect API key provided: ***');
    expect(JSON.stringify(error)).not.toContain(key);
    expect((error as Error).stack).not.toContain(key);
  });
});
