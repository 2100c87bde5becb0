import { explainStatus } from '../errors/explain-status.js';
import { parseErrorBody } from '../errors/parse-error-body.js';
import { PoolingApiError } from '../errors/pooling-api-error.js';
import { redactSecrets } from '../errors/redact-secrets.js';
import type { RequestOptions } from '../request-options.js';
import { linkedController, sleep, throwIfAborted } from './abort.js';
import { isRetryableStatus, retryDelayMs } from './retry-policy.js';
import type { TransportSettings } from './transport-settings.js';

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Non-2xx statuses that are answers rather than errors (`/health` answers 503 when the engine is dead). */
  acceptStatuses?: readonly number[];
}

export interface HttpAnswer {
  status: number;
  text: string;
  requestId: string;
  attempts: number;
  endpoint: string;
}

/** One failed attempt, kept as plain facts until we know whether to retry or throw. */
interface Failure {
  status: number | null;
  type: string;
  message: string;
  param: string | null;
  isRetryable: boolean;
  retryAfter: string | null;
  requestId: string;
  cause?: unknown;
}

/**
 * Sends one logical request: bounded by the client's concurrency limit, each attempt under its own timeout,
 * retried with backoff on connection errors, timeouts and retryable statuses. Caller cancellation rejects with
 * the signal's reason and is never retried.
 */
export async function sendRequest(settings: TransportSettings, call: HttpCall, options: RequestOptions = {}): Promise<HttpAnswer> {
  const endpoint = `${call.method} ${call.path}`;
  const requestId = options.requestId ?? globalThis.crypto.randomUUID();
  const headers = buildHeaders(settings, call, options, requestId);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const timeoutMs = options.timeoutMs ?? settings.timeoutMs;
  const secrets = options.headers ? [...settings.secrets, ...authorizationSecrets(options.headers)] : settings.secrets;

  for (let attempt = 1; ; attempt++) {
    throwIfAborted(options.signal);
    const release = await settings.limiter.acquire(options.signal);
    let outcome: { answer: HttpAnswer } | { failure: Failure };
    try {
      outcome = await attemptOnce(settings, call, { method: call.method, headers, body }, { requestId, timeoutMs, signal: options.signal, endpoint, attempt });
    } finally {
      release();
    }
    if ('answer' in outcome) return outcome.answer;
    const { failure } = outcome;
    if (!failure.isRetryable || attempt > settings.maxRetries) throw toError(failure, endpoint, attempt, secrets);
    await sleep(retryDelayMs(attempt - 1, settings.backoff, failure.retryAfter), options.signal);
  }
}

async function attemptOnce(
  settings: TransportSettings,
  call: HttpCall,
  init: { method: string; headers: Headers; body: string | undefined },
  context: { requestId: string; timeoutMs: number; signal: AbortSignal | undefined; endpoint: string; attempt: number },
): Promise<{ answer: HttpAnswer } | { failure: Failure }> {
  const { controller, timedOut, dispose } = linkedController(context.signal, context.timeoutMs);
  try {
    const response = await settings.fetch(`${settings.baseURL}${call.path}`, { ...init, signal: controller.signal });
    // The body is read under the same timeout: a server that stalls mid-body is as stuck as one that never answers.
    const text = await response.text();
    const requestId = response.headers.get('x-request-id') ?? context.requestId;
    if (response.ok || call.acceptStatuses?.includes(response.status)) {
      return { answer: { status: response.status, text, requestId, attempts: context.attempt, endpoint: context.endpoint } };
    }
    const parsed = parseErrorBody(response.status, response.statusText, text);
    const hint = explainStatus(response.status, parsed, call.path);
    return {
      failure: {
        status: response.status,
        type: parsed.type,
        message: `${response.status} ${parsed.type} from ${context.endpoint}: ${withHint(parsed.message, hint)}`,
        param: parsed.param,
        isRetryable: isRetryableStatus(response.status),
        retryAfter: response.headers.get('retry-after'),
        requestId,
      },
    };
  } catch (cause) {
    if (context.signal?.aborted) throw context.signal.reason;
    const base = { status: null, param: null, isRetryable: true, retryAfter: null, requestId: context.requestId, cause };
    if (timedOut()) {
      return { failure: { ...base, type: 'TimeoutError', message: `${context.endpoint} timed out after ${context.timeoutMs} ms` } };
    }
    return { failure: { ...base, type: 'ConnectionError', message: `${context.endpoint} could not reach ${settings.baseURL}: ${describeCause(cause)}` } };
  } finally {
    dispose();
  }
}

function toError(failure: Failure, endpoint: string, attempts: number, secrets: readonly string[]): PoolingApiError {
  const suffix = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
  return new PoolingApiError({
    message: redactSecrets(failure.message + suffix, secrets),
    status: failure.status,
    type: failure.type,
    param: failure.param,
    isRetryable: failure.isRetryable,
    requestId: failure.requestId,
    endpoint,
    attempts,
    cause: failure.cause,
  });
}

function buildHeaders(settings: TransportSettings, call: HttpCall, options: RequestOptions, requestId: string): Headers {
  const headers = new Headers(settings.headers);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  headers.set('accept', 'application/json');
  if (call.body !== undefined) headers.set('content-type', 'application/json');
  headers.set('x-request-id', requestId);
  return headers;
}

function withHint(message: string, hint: string | undefined): string {
  if (!hint) return message;
  return `${message}${/[.!?]$/.test(message) ? '' : '.'} ${hint}`;
}

/** Authorization values passed per call are secrets too. */
function authorizationSecrets(headers: Record<string, string>): string[] {
  return Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === 'authorization')
    .flatMap(([, value]) => [value, value.replace(/^bearer\s+/i, '')]);
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, ECONNRESET, ...) is in its cause. */
function describeCause(cause: unknown): string {
  const parts: string[] = [];
  for (let current = cause, depth = 0; current instanceof Error && depth < 3; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
  }
  return parts.join(': ') || String(cause);
}
