import type { ConcurrencyLimiter } from './concurrency-limiter.js';
import type { BackoffSettings } from './retry-policy.js';

export type FetchFunction = typeof globalThis.fetch;

/** Everything the transport needs, resolved once when the client is created. */
export interface TransportSettings {
  /** Server root without a trailing slash. */
  baseURL: string;
  /** Client-level headers, the bearer token already included. */
  headers: Record<string, string>;
  fetch: FetchFunction;
  timeoutMs: number;
  maxRetries: number;
  backoff: BackoffSettings;
  limiter: ConcurrencyLimiter;
  /** Values that must never appear in an error message (the API key, any Authorization value). */
  secrets: readonly string[];
}
