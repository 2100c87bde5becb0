import { type Clock, systemClock } from '../clock/clock.js';
import { ProviderApiError } from '../errors/provider-api-error.js';
import { DEFAULT_MAX_CONCURRENCY, type ProviderLimits, providerLimiter } from '../limits/provider-limiter.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

export interface LimitsOptions extends Partial<ProviderLimits> {
  /** Whose limits these are; defaults to the model's provider id. The registry passes the id it was asked for. */
  provider?: string;
  /** A 429's `Retry-After` pauses the provider for at most this long (default 60 s). */
  maxPauseMs?: number;
  clock?: Clock;
}

/**
 * Per-provider, process-wide limits on each HTTP attempt: concurrency, requests per minute, and a pause for the
 * whole provider after a 429 with `Retry-After`, so every run slows down at once instead of each request
 * discovering the limit alone. Retries sit outside: a request waiting out its backoff holds no slot.
 */
export function limitsMiddleware(options: LimitsOptions = {}): LanguageModelMiddleware {
  const clock = options.clock ?? systemClock;
  const maxPauseMs = options.maxPauseMs ?? 60_000;
  const limits: ProviderLimits = {
    maxConcurrency: options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
    requestsPerMinute: options.requestsPerMinute ?? Number.POSITIVE_INFINITY,
  };
  return {
    name: 'limits',
    async wrapGenerate({ model, options: call, generate }) {
      const limiter = providerLimiter(options.provider ?? model.provider, limits);
      const release = await limiter.acquire(clock, call.signal);
      try {
        return await generate(call);
      } catch (error) {
        if (ProviderApiError.isInstance(error) && error.status === 429 && error.retryAfterMs !== undefined) {
          limiter.pauseUntil(clock.now() + Math.min(error.retryAfterMs, maxPauseMs));
        }
        throw error;
      } finally {
        release();
      }
    },
  };
}
