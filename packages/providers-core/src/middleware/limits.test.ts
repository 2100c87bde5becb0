import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, settle } from '../clock/manual-clock.js';
import { resetProviderLimiters } from '../limits/provider-limiter.js';
import { createProviderRegistry } from '../registry/create-provider-registry.js';
import { ScriptedModel, scriptedProvider, text } from '../test-support/scripted-model.js';
import { limitsMiddleware } from './limits.js';
import { retryMiddleware } from './retries.js';
import { wrapLanguageModel } from './wrap-language-model.js';

afterEach(() => resetProviderLimiters());

const ask = (model: { generate: ScriptedModel['generate'] }, signal?: AbortSignal) =>
  model.generate({ content: [text('x')], ...(signal ? { signal } : {}) });

describe('concurrency', () => {
  it('caps requests in flight per provider, shared by two registries in the process', async () => {
    const model = new ScriptedModel({ fallback: { kind: 'gate' } });
    const options = { env: {}, limits: { openai: { maxConcurrency: 3 } } };
    const first = createProviderRegistry({ openai: scriptedProvider(model) }, options).languageModel('openai', 'gpt-test');
    const second = createProviderRegistry({ openai: scriptedProvider(model) }, options).languageModel('openai', 'gpt-test');
    const pending = [...Array.from({ length: 4 }, () => ask(first)), ...Array.from({ length: 4 }, () => ask(second))];
    await settle();
    expect(model.inFlight).toBe(3);
    model.release();
    await settle();
    expect(model.inFlight).toBe(3);
    model.release();
    await settle();
    expect(model.inFlight).toBe(2);
    model.release();
    await Promise.all(pending);
    expect(model.maxInFlight).toBe(3);
    expect(model.calls).toHaveLength(8);
  });

  it('reads FLOW_<PROVIDER>_MAX_CONCURRENCY and keeps other providers apart', async () => {
    const openai = new ScriptedModel({ fallback: { kind: 'gate' } });
    const anthropic = new ScriptedModel({ provider: 'anthropic', fallback: { kind: 'gate' } });
    const registry = createProviderRegistry(
      { openai: scriptedProvider(openai), anthropic: scriptedProvider(anthropic) },
      { env: { FLOW_OPENAI_MAX_CONCURRENCY: '2' } },
    );
    const pending = [
      ...Array.from({ length: 5 }, () => ask(registry.languageModel('openai', 'm'))),
      ...Array.from({ length: 5 }, () => ask(registry.languageModel('anthropic', 'm'))),
    ];
    await settle();
    expect(openai.inFlight).toBe(2);
    expect(anthropic.inFlight).toBe(5);
    for (let round = 0; round < 3; round += 1) {
      openai.release();
      anthropic.release();
      await settle();
    }
    await Promise.all(pending);
    expect(openai.maxInFlight).toBe(2);
  });

  it('a request waiting for a slot leaves the queue when its signal aborts', async () => {
    const clock = new ManualClock();
    const model = new ScriptedModel({ fallback: { kind: 'gate' } });
    const limited = wrapLanguageModel(model, limitsMiddleware({ maxConcurrency: 1, clock }));
    const running = ask(limited);
    const controller = new AbortController();
    const waiting = ask(limited, controller.signal);
    const third = ask(limited);
    await settle();
    expect(model.calls).toHaveLength(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    model.release();
    await running;
    await settle();
    model.release();
    await third;
    // The aborted request never reached the vendor.
    expect(model.calls).toHaveLength(2);
  });
});

describe('requests per minute', () => {
  it('starts at most N requests in any 60 s window, the first N without delay', async () => {
    const clock = new ManualClock();
    const model = new ScriptedModel();
    const limited = wrapLanguageModel(model, limitsMiddleware({ requestsPerMinute: 3, clock }));
    const startTimes: number[] = [];
    const origin = clock.now();
    const pending = Array.from({ length: 7 }, () => ask(limited).then(() => startTimes.push(clock.now() - origin)));
    await settle();
    expect(model.calls).toHaveLength(3);
    await clock.advance(59_999);
    expect(model.calls).toHaveLength(3);
    await clock.advance(1);
    expect(model.calls).toHaveLength(6);
    await clock.advance(60_000);
    await Promise.all(pending);
    expect(startTimes).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
  });

  it('the window slides: a request spaced out after the others waits only for the oldest to age out', async () => {
    const clock = new ManualClock();
    const model = new ScriptedModel();
    const limited = wrapLanguageModel(model, limitsMiddleware({ requestsPerMinute: 2, clock }));
    await ask(limited);
    await clock.advance(40_000);
    await ask(limited);
    const third = ask(limited);
    await clock.advance(19_999);
    expect(model.calls).toHaveLength(2);
    await clock.advance(1);
    await third;
    expect(model.calls).toHaveLength(3);
  });
});

describe('429 pause', () => {
  it('after a 429 with Retry-After, no request to that provider starts before the time has passed', async () => {
    const clock = new ManualClock();
    const model = new ScriptedModel({ script: [{ kind: 'fail', status: 429, retryAfterMs: 10_000 }] });
    const other = new ScriptedModel({ provider: 'anthropic' });
    const limited = wrapLanguageModel(model, retryMiddleware({ clock }), limitsMiddleware({ clock }));
    const unrelated = wrapLanguageModel(other, limitsMiddleware({ clock }));
    const retried = ask(limited);
    await settle();
    expect(model.calls).toHaveLength(1);
    // A second, unrelated request to the same provider waits too; another provider does not.
    const bystander = ask(limited);
    await ask(unrelated);
    await clock.advance(9_999);
    expect(model.calls).toHaveLength(1);
    await clock.advance(1);
    await Promise.all([retried, bystander]);
    expect(model.calls).toHaveLength(3);
    expect(other.calls).toHaveLength(1);
  });

  it('the pause is shared by every registry in the process', async () => {
    const clock = new ManualClock();
    const model = new ScriptedModel({ script: [{ kind: 'fail', status: 429, retryAfterMs: 5_000 }] });
    const options = { env: {}, clock, maxRetries: 0 };
    const first = createProviderRegistry({ openai: scriptedProvider(model) }, options).languageModel('openai', 'm');
    const second = createProviderRegistry({ openai: scriptedProvider(model) }, options).languageModel('openai', 'm');
    await expect(ask(first)).rejects.toMatchObject({ status: 429 });
    const later = ask(second);
    await clock.advance(4_000);
    expect(model.calls).toHaveLength(1);
    await clock.advance(1_000);
    await later;
    expect(model.calls).toHaveLength(2);
  });

  it('waiting out a pause respects the abort signal', async () => {
    const clock = new ManualClock();
    const model = new ScriptedModel({ script: [{ kind: 'fail', status: 429, retryAfterMs: 30_000 }] });
    const limited = wrapLanguageModel(model, limitsMiddleware({ clock }));
    await expect(ask(limited)).rejects.toMatchObject({ status: 429 });
    const controller = new AbortController();
    const waiting = ask(limited, controller.signal);
    await clock.advance(1_000);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(model.calls).toHaveLength(1);
  });
});

describe('limits and retries together', () => {
  it('a request sleeping through its backoff holds no slot: another request runs meanwhile', async () => {
    const clock = new ManualClock();
    const model = new ScriptedModel({ script: [{ kind: 'fail', status: 503, retryAfterMs: 10_000 }] });
    const registry = createProviderRegistry({ openai: scriptedProvider(model) }, { env: {}, clock, limits: { openai: { maxConcurrency: 1 } } });
    const gpt = registry.languageModel('openai', 'm');
    const retried = ask(gpt);
    await settle();
    const other = ask(gpt);
    await settle();
    // The second request answered while the first waited out its Retry-After.
    await expect(other).resolves.toMatchObject({ text: 'answer 2' });
    await clock.advance(10_000);
    await expect(retried).resolves.toMatchObject({ text: 'answer 3' });
  });

  it('time queued for a slot does not count against the attempt timeout', async () => {
    const clock = new ManualClock();
    const model = new ScriptedModel({ clock, fallback: { kind: 'slow', ms: 4_000 } });
    const registry = createProviderRegistry({ openai: scriptedProvider(model) }, { env: {}, clock, timeoutMs: 5_000, maxRetries: 0, limits: { openai: { maxConcurrency: 1 } } });
    const gpt = registry.languageModel('openai', 'm');
    const both = Promise.all([ask(gpt), ask(gpt)]);
    for (let step = 0; step < 10; step += 1) await clock.advance(1_000);
    // The second waited 4 s for the slot and then took 4 s: 8 s in all, but each attempt stayed under 5 s.
    await expect(both).resolves.toHaveLength(2);
    expect(model.calls).toHaveLength(2);
  });
});
