import { type Clock, systemClock } from '../clock/clock.js';
import { onAbort } from '../clock/on-abort.js';
import { ProviderApiError } from '../errors/provider-api-error.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 120_000;

export interface AttemptTimeoutOptions {
  /** Longest one HTTP attempt may take (`FLOW_MODEL_TIMEOUT_MS`, default 120 s). `Infinity` turns it off. */
  timeoutMs?: number;
  clock?: Clock;
}

/**
 * Bounds each attempt: the inner `generate` gets a signal that aborts when the run's signal does or when the
 * attempt's timer runs out, so the vendor request is cancelled and its connection closed. A timeout becomes a
 * retryable `ProviderApiError` with status null; a run abort is rethrown as the signal's reason. It sits inside
 * the limits, so time spent waiting for a slot does not count against the attempt.
 */
export function attemptTimeoutMiddleware(options: AttemptTimeoutOptions = {}): LanguageModelMiddleware {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const clock = options.clock ?? systemClock;
  return {
    name: 'attempt-timeout',
    async wrapGenerate({ model, options: call, generate }) {
      const runSignal = call.signal;
      runSignal?.throwIfAborted();
      const attempt = new AbortController();
      let timedOut = false;
      const stopFollowingRun = runSignal ? onAbort(runSignal, () => attempt.abort(runSignal.reason)) : undefined;
      const stopTimer = Number.isFinite(timeoutMs)
        ? clock.setTimer(timeoutMs, () => {
            timedOut = true;
            attempt.abort(new DOMException(`the attempt timed out after ${timeoutMs} ms`, 'TimeoutError'));
          })
        : undefined;
      try {
        // Raced against the signal too, so a vendor that ignores its signal still cannot hold the call past the timer.
        const pending = generate({ ...call, signal: attempt.signal });
        pending.catch(() => undefined);
        return await Promise.race([pending, rejectOnAbort(attempt.signal)]);
      } catch (error) {
        if (runSignal?.aborted) throw runSignal.reason;
        if (timedOut) {
          throw new ProviderApiError({
            provider: model.provider,
            message: `${model.provider} model \`${model.modelId}\` sent no answer within ${timeoutMs} ms (FLOW_MODEL_TIMEOUT_MS)`,
            status: null,
            isRetryable: true,
            cause: error,
          });
        }
        throw error;
      } finally {
        stopTimer?.();
        stopFollowingRun?.();
      }
    },
  };
}
