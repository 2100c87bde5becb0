import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryCache } from '../cache/memory-cache.js';
import { resetProviderLimiters } from '../limits/provider-limiter.js';
import { createProviderRegistry } from '../registry/create-provider-registry.js';
import { ScriptedModel, scriptedProvider, text } from '../test-support/scripted-model.js';
import type { ModelUsage } from '../usage/usage-sink.js';

afterEach(() => resetProviderLimiters());

describe('usage', () => {
  it('reports every answered call once, retries included in one call, hits billed as zero tokens', async () => {
    const model = new ScriptedModel({
      script: [
        { kind: 'fail', status: 503, retryAfterMs: 0 },
        { kind: 'answer', inputTokens: 120, outputTokens: 30 },
        { kind: 'answer', inputTokens: 80, outputTokens: 7 },
      ],
    });
    const registry = createProviderRegistry({ openai: scriptedProvider(model) }, { env: {}, cache: createMemoryCache() });
    const usage: ModelUsage[] = [];
    const sink = { record: (entry: ModelUsage) => usage.push(entry) };
    const gpt = registry.languageModel('openai', 'gpt-test');
    await gpt.generate({ content: [text('first')], usage: sink });
    await gpt.generate({ content: [text('second')], usage: sink });
    await gpt.generate({ content: [text('first')], usage: sink });
    expect(usage).toEqual([
      { provider: 'openai', model: 'gpt-test', inputTokens: 120, outputTokens: 30, calls: 1, cached: 0 },
      { provider: 'openai', model: 'gpt-test', inputTokens: 80, outputTokens: 7, calls: 1, cached: 0 },
      { provider: 'openai', model: 'gpt-test', inputTokens: 0, outputTokens: 0, calls: 1, cached: 1 },
    ]);
    expect(model.calls).toHaveLength(3);
  });

  it('reports nothing for a call that fails', async () => {
    const model = new ScriptedModel({ script: [{ kind: 'fail', status: 400 }] });
    const usage: ModelUsage[] = [];
    const gpt = createProviderRegistry({ openai: scriptedProvider(model) }, { env: {} }).languageModel('openai', 'gpt-test');
    await expect(gpt.generate({ content: [text('x')], usage: { record: (entry) => usage.push(entry) } })).rejects.toMatchObject({ status: 400 });
    expect(usage).toEqual([]);
  });
});
