import { ConcurrencyLimiter } from './transport/concurrency-limiter.js';
import type { FetchFunction, TransportSettings } from './transport/transport-settings.js';

export interface PoolingClientOptions {
  /** Server root, e.g. `http://localhost:8000` (a trailing `/v1` is dropped: pooling routes have no prefix). Default `VLLM_BASE_URL`. */
  baseURL?: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Default `VLLM_API_KEY`. Note that vLLM itself only checks it on `/v1/*`. */
  apiKey?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A `fetch` to use instead of the global one (proxies, tests, instrumentation). */
  fetch?: FetchFunction;
  /** Per-attempt timeout in ms. vLLM queues requests without a server-side timeout. Default 600000 (10 min). */
  timeoutMs?: number;
  /** Retries after the first attempt, on connection errors, timeouts, 408, 409, 429 and 5xx but 501. Default 2. */
  maxRetries?: number;
  /** Longest prompt list sent in one request; longer lists are split and reassembled. Default 64. */
  maxBatchSize?: number;
  /** Most requests this client has in flight at once, across all calls. Default 8. */
  maxConcurrency?: number;
  /** Backoff between retries: exponential from `initialDelayMs` (default 500), capped at `maxDelayMs` (default 8000), with jitter. */
  backoff?: { initialDelayMs?: number; maxDelayMs?: number };
}

export interface ResolvedClientOptions {
  transport: TransportSettings;
  maxBatchSize: number;
}

/** Applies defaults and environment fallbacks, and rejects settings that would only fail later. */
export function resolveClientOptions(options: PoolingClientOptions): ResolvedClientOptions {
  const env = globalThis.process?.env ?? {};
  const baseURL = normalizeBaseURL(options.baseURL ?? env['VLLM_BASE_URL']);
  const apiKey = options.apiKey ?? env['VLLM_API_KEY'];
  const headers: Record<string, string> = { 'user-agent': 'flow-pooling-client', ...lowerCaseKeys(options.headers ?? {}) };
  if (apiKey) headers['authorization'] = `Bearer ${apiKey}`;
  const secrets = [apiKey, headers['authorization'], headers['authorization']?.replace(/^bearer\s+/i, '')].filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  const fetchFunction = options.fetch ?? globalThis.fetch;
  if (typeof fetchFunction !== 'function') throw new TypeError('createPoolingClient: no fetch available; pass { fetch }.');
  return {
    transport: {
      baseURL,
      headers,
      fetch: fetchFunction,
      timeoutMs: positive('timeoutMs', options.timeoutMs ?? 600_000),
      maxRetries: wholeNumber('maxRetries', options.maxRetries ?? 2, 0),
      backoff: {
        initialDelayMs: positive('backoff.initialDelayMs', options.backoff?.initialDelayMs ?? 500),
        maxDelayMs: positive('backoff.maxDelayMs', options.backoff?.maxDelayMs ?? 8_000),
      },
      limiter: new ConcurrencyLimiter(wholeNumber('maxConcurrency', options.maxConcurrency ?? 8, 1)),
      secrets,
    },
    maxBatchSize: wholeNumber('maxBatchSize', options.maxBatchSize ?? 64, 1),
  };
}

function normalizeBaseURL(value: string | undefined): string {
  if (!value) throw new TypeError('createPoolingClient: baseURL is missing. Pass { baseURL: "http://localhost:8000" } or set VLLM_BASE_URL.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`createPoolingClient: baseURL ${JSON.stringify(value)} is not a URL. Use the server root, e.g. http://localhost:8000.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`createPoolingClient: baseURL must be http(s), got ${url.protocol}`);
  if (url.username || url.password) throw new TypeError('createPoolingClient: put credentials in apiKey or headers, not in baseURL.');
  // `/classify` and friends live at the root; a base URL copied from OpenAI settings often ends in /v1.
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')}`;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function positive(name: string, value: number): number {
  if (!(value > 0)) throw new TypeError(`createPoolingClient: ${name} must be a positive number of milliseconds, got ${value}`);
  return value;
}

function wholeNumber(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) throw new TypeError(`createPoolingClient: ${name} must be an integer >= ${minimum}, got ${value}`);
  return value;
}
