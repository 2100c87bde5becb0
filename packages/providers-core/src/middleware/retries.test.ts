import { describe, expect, it } from 'vitest';
import { ManualClock, settle } from '../clock/manual-clock.js';
import { ProviderApiError } from '../errors/provider-api-error.js';
import { ScriptedModel, type Step, text } from '../test-support/scripted-model.js';
import { attemptTimeoutMiddleware } from './attempt-timeout.js';
import { backoffDelayMs, retryMiddleware } from './retries.js';
import { wrapLanguageModel } from './wrap-language-model.js';

function setup(script: Step[], { maxRetries = 2, timeoutMs = 120_000 } = {}) {
  const clock = new ManualClock();
  const model = new ScriptedModel({ script });
  const wrapped = wrapLanguageModel(model, retryMiddleware({ maxRetries, clock, random: () => 0.5 }), attemptTimeoutMiddleware({ timeoutMs, clock }));
  return { clock, model, wrapped };
}

/** Runs `promise` to completion, advancing the manual clock in 1 s steps until it settles (at most `limitMs`). */
async function drive<T>(clock: ManualClock, promise: Promise<T>, limitMs = 600_000): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let elapsed = 0; !done && elapsed < limitMs; elapsed += 1_000) await clock.advance(1_000);
  return promise;
}

describe('retries', () => {
  it('retries a 429 after the Retry-After the vendor asked for, then succeeds', async () => {
    const { clock, model, wrapped } = setup([{ kind: 'fail', status: 429, retryAfterMs: 7_000 }]);
    const started = clock.now();
    const result = await drive(clock, wrapped.generate({ content: [text('hi')] }));
    expect(result.text).toBe('answer 2');
    expect(model.calls).toHaveLength(2);
    // The retry waited exactly the vendor's 7 s, not the jittered backoff.
    expect(clock.sleeps).toContain(7_000);
    expect(clock.now() - started).toBeGreaterThanOrEqual(7_000);
  });

  it('backs off exponentially with full jitter when the vendor gives no Retry-After', async () => {
    const { clock, model, wrapped } = setup([{ kind: 'fail', status: 503 }, { kind: 'fail', status: null }], { timeoutMs: Number.POSITIVE_INFINITY });
    await drive(clock, wrapped.generate({ content: [text('hi')] }));
    expect(model.calls).toHaveLength(3);
    // random() = 0.5: half of 1 s, then half of 2 s.
    expect(clock.sleeps).toEqual([500, 1_000]);
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs(retry, 1_000, 20_000, () => 0.999_999))).toEqual(
      [1_000, 2_000, 4_000, 8_000, 16_000, 20_000].map((cap) => cap * 0.999_999),
    );
    expect(backoffDelayMs(3, 1_000, 20_000, () => 0)).toBe(0);
  });

  it('never retries a 400 or 401, and reports one attempt', async () => {
    for (const status of [400, 401, 404, 422]) {
      const { model, wrapped } = setup([{ kind: 'fail', status }]);
      const error = await wrapped.generate({ content: [text('hi')] }).catch((caught: unknown) => caught);
      expect(ProviderApiError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status, attempts: 1 });
      expect(model.calls).toHaveLength(1);
    }
  });

  it('gives up after maxRetries and sets attempts on the final error', async () => {
    const clock = new ManualClock();
    const failing = new ScriptedModel({ fallback: { kind: 'fail', status: 500, message: 'boom' } });
    const wrappedFailing = wrapLanguageModel(failing, retryMiddleware({ maxRetries: 3, clock, random: () => 0 }));
    const error = await drive(clock, wrappedFailing.generate({ content: [text('hi')] })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 500, attempts: 4, message: 'boom' });
    expect(failing.calls).toHaveLength(4);
  });

  it('does not wait for a Retry-After longer than the cap: fails at once', async () => {
    const { clock, model, wrapped } = setup([{ kind: 'fail', status: 429, retryAfterMs: 3_600_000 }]);
    await expect(wrapped.generate({ content: [text('hi')] })).rejects.toMatchObject({ status: 429, attempts: 1 });
    expect(model.calls).toHaveLength(1);
    expect(clock.sleeps.filter((ms) => ms === 3_600_000)).toHaveLength(0);
  });

  it('retries raw connection resets as a status-null ProviderApiError', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const model = new ScriptedModel();
    const flaky = {
      specificationVersion: model.specificationVersion,
      provider: 'openai',
      modelId: 'gpt-test',
      generate: async (options: Parameters<ScriptedModel['generate']>[0]) => {
        calls += 1;
        if (calls === 1) throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
        return model.generate(options);
      },
    };
    const result = await drive(clock, wrapLanguageModel(flaky, retryMiddleware({ clock, random: () => 0 })).generate({ content: [text('x')] }));
    expect(result.text).toBe('answer 1');
    expect(calls).toBe(2);
  });

  it('does not retry errors that are not provider errors (a bug stays visible)', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const broken = wrapLanguageModel(
      {
        specificationVersion: 'flow-v1',
        provider: 'openai',
        modelId: 'm',
        generate: async () => {
          calls += 1;
          throw new RangeError('bad mapping');
        },
      },
      retryMiddleware({ clock }),
    );
    await expect(broken.generate({ content: [] })).rejects.toThrow(RangeError);
    expect(calls).toBe(1);
  });

  it('a run abort during the backoff stops at once with the abort reason, without another attempt', async () => {
    const { clock, model, wrapped } = setup([{ kind: 'fail', status: 503, retryAfterMs: 30_000 }]);
    const controller = new AbortController();
    const pending = wrapped.generate({ content: [text('hi')], signal: controller.signal });
    pending.catch(() => undefined);
    await clock.advance(1_000);
    expect(model.calls).toHaveLength(1);
    const reason = new Error('Ctrl-C');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await clock.advance(60_000);
    expect(model.calls).toHaveLength(1);
  });

  it('a run abort during an attempt cancels the vendor request and is not retried', async () => {
    const { model, wrapped } = setup([{ kind: 'hang' }]);
    const controller = new AbortController();
    const pending = wrapped.generate({ content: [text('hi')], signal: controller.signal });
    await settle();
    expect(model.inFlight).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    expect(model.inFlight).toBe(0);
    expect(model.calls).toHaveLength(1);
  });

  it('an attempt that times out is aborted, becomes a retryable status-null error and is retried', async () => {
    const { clock, model, wrapped } = setup([{ kind: 'hang' }], { timeoutMs: 5_000 });
    const result = await drive(clock, wrapped.generate({ content: [text('hi')] }));
    expect(result.text).toBe('answer 2');
    expect(model.calls).toHaveLength(2);
    // The first attempt's signal was aborted by the timer with a TimeoutError.
    expect(model.calls[0]!.signal?.aborted).toBe(true);
    expect((model.calls[0]!.signal?.reason as DOMException).name).toBe('TimeoutError');
  });

  it('an attempt timeout on every attempt surfaces as ProviderApiError status null with attempts', async () => {
    const clock = new ManualClock();
    const hanging = new ScriptedModel({ fallback: { kind: 'hang' } });
    const both = wrapLanguageModel(hanging, retryMiddleware({ maxRetries: 1, clock, random: () => 0 }), attemptTimeoutMiddleware({ timeoutMs: 2_000, clock }));
    const error = await drive(clock, both.generate({ content: [text('hi')] })).catch((caught: unknown) => caught);
    expect(ProviderApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: null, isRetryable: true, attempts: 2 });
    expect((error as Error).message).toContain('2000 ms');
    expect(hanging.calls).toHaveLength(2);
  });

  it('a vendor that ignores its signal still cannot outlive the attempt timer', async () => {
    const clock = new ManualClock();
    const deaf = wrapLanguageModel(
      { specificationVersion: 'flow-v1', provider: 'openai', modelId: 'm', generate: () => new Promise(() => undefined) },
      attemptTimeoutMiddleware({ timeoutMs: 1_000, clock }),
    );
    const error = await drive(clock, deaf.generate({ content: [] })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: null, isRetryable: true });
  });
});
