import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { resetProviderLimiters } from '../limits/provider-limiter.js';
import { ScriptedModel, scriptedProvider, text } from '../test-support/scripted-model.js';
import { createProviderRegistry } from './create-provider-registry.js';

afterEach(() => resetProviderLimiters());

/** Collects the process warnings emitted while `work` runs (Node emits them on a later tick). */
async function warningsDuring(work: () => Promise<void>): Promise<Error[]> {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    process.off('warning', onWarning);
  }
  return warnings;
}

describe('many concurrent calls sharing one run signal', () => {
  it('add one abort listener to the run signal, not one per call, and print no MaxListenersExceededWarning', async () => {
    const model = new ScriptedModel({ fallback: { kind: 'gate' } });
    // Four concurrent requests, so most calls wait in the limiter's queue and the rest in the vendor.
    const registry = createProviderRegistry({ openai: scriptedProvider(model) }, { env: { FLOW_OPENAI_MAX_CONCURRENCY: '4' } });
    const wrapped = registry.languageModel('openai', 'gpt-test', { apiKey: 'sk-test-key-1234' });
    const run = new AbortController();
    let peakListeners = 0;
    const warnings = await warningsDuring(async () => {
      const calls = Array.from({ length: 40 }, () => wrapped.generate({ content: [text('hi')], signal: run.signal }));
      for (let round = 0; round < 20 && model.calls.length < 40; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        peakListeners = Math.max(peakListeners, getEventListeners(run.signal, 'abort').length);
        model.release();
      }
      await Promise.all(calls);
    });
    expect(model.calls).toHaveLength(40);
    expect(peakListeners).toBe(1);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('still aborts every waiting and running call when the run aborts', async () => {
    const model = new ScriptedModel({ fallback: { kind: 'hang' } });
    const registry = createProviderRegistry({ openai: scriptedProvider(model) }, { env: { FLOW_OPENAI_MAX_CONCURRENCY: '4' } });
    const wrapped = registry.languageModel('openai', 'gpt-test', { apiKey: 'sk-test-key-1234' });
    const run = new AbortController();
    const calls = Array.from({ length: 30 }, () => wrapped.generate({ content: [text('hi')], signal: run.signal }).then(() => 'answered', (error: unknown) => error));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new DOMException('run stopped', 'AbortError');
    run.abort(reason);
    const outcomes = await Promise.all(calls);
    expect(outcomes.every((outcome) => outcome === reason)).toBe(true);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  });
});
