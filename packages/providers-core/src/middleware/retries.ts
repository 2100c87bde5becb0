import { type Clock, systemClock } from '../clock/clock.js';
import { ProviderApiError } from '../errors/provider-api-error.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

export interface RetryOptions {
  /** Retries after the first attempt (`FLOW_MODEL_MAX_RETRIES`, default 2). */
  maxRetries?: number;
  /** Cap of the exponential delay before full jitter is applied (default 1 s, doubling per retry). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /**
   * A `Retry-After` longer than this is not waited for: the call fails at once with the vendor's error, which is
   * more useful than a request that sits for an hour (default 60 s).
   */
  maxRetryAfterMs?: number;
  clock?: Clock;
  /** Random source in [0, 1) for the jitter; injectable for tests. */
  random?: () => number;
}

export const DEFAULT_MAX_RETRIES = 2;

/** Node and undici codes of a connection that broke before an answer arrived. */
const connectionErrorCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

function connectionErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 6; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectionErrorCodes.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Delay before retry `retry` (1-based): "full jitter", a uniform pick in [0, min(max, initial * 2^(retry-1))),
 * so clients that failed together spread out instead of retrying in step.
 */
export function backoffDelayMs(retry: number, initialDelayMs: number, maxDelayMs: number, random: () => number): number {
  return random() * Math.min(maxDelayMs, initialDelayMs * 2 ** (retry - 1));
}

/**
 * One retry policy for every vendor (their SDKs' own retries are off). Retries a `ProviderApiError` whose
 * `isRetryable` is set (408, 409, 429, 5xx, no response: reset, attempt timeout) and raw connection errors;
 * never other 4xx. Honours the vendor's `retryAfterMs` (`Retry-After` / `retry-after-ms`), else backs off
 * exponentially with full jitter. A run abort stops at once, also during a backoff, and rethrows the signal's
 * reason. The final error carries `attempts`.
 */
export function retryMiddleware(options: RetryOptions = {}): LanguageModelMiddleware {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 20_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  return {
    name: 'retries',
    async wrapGenerate({ model, options: call, generate }) {
      const signal = call.signal;
      for (let attempt = 1; ; attempt += 1) {
        signal?.throwIfAborted();
        try {
          return await generate(call);
        } catch (caught) {
          // A run abort wins over whatever the vendor made of it (often a status-null "connection closed").
          if (signal?.aborted) throw signal.reason;
          let error = caught;
          const code = ProviderApiError.isInstance(caught) ? undefined : connectionErrorCode(caught);
          if (code !== undefined) {
            error = new ProviderApiError({
              provider: model.provider,
              message: `${model.provider}: the connection failed before an answer arrived (${code})`,
              status: null,
              isRetryable: true,
              cause: caught,
            });
          }
          if (!ProviderApiError.isInstance(error)) throw error;
          error.attempts = attempt;
          const retryAfterMs = error.retryAfterMs;
          if (!error.isRetryable || attempt > maxRetries || (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs)) throw error;
          const delay = retryAfterMs ?? backoffDelayMs(attempt, initialDelayMs, maxDelayMs, random);
          await clock.sleep(delay, signal);
        }
      }
    },
  };
}
