/**
 * Statuses worth retrying: request timeout, conflict, rate limiting, and server errors except 501 (the model's
 * task does not match the route, or the media encoding is unsupported: retrying cannot help).
 */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 409 || status === 429) return true;
  return status >= 500 && status !== 501;
}

export interface BackoffSettings {
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Longest wait a `Retry-After` header may ask for; a gateway asking for more is better answered by failing. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Delay before retry number `retry` (0-based): exponential, capped, with "equal jitter" (half fixed, half random)
 * so many clients that failed together do not retry together. A `Retry-After` header wins when present.
 */
export function retryDelayMs(retry: number, settings: BackoffSettings, retryAfter: string | null, random: () => number = Math.random): number {
  const fromHeader = parseRetryAfterMs(retryAfter);
  if (fromHeader !== undefined) return Math.min(fromHeader, MAX_RETRY_AFTER_MS);
  const exponential = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** retry);
  return exponential / 2 + random() * (exponential / 2);
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
