/** Shared with `FlowError` in `@flow/kinds`, so `FlowError.isInstance` recognises this error without a dependency. */
const flowErrorMarker = Symbol.for('flow.error');
const providerApiErrorMarker = Symbol.for('flow.error.ProviderApiError');

export interface ProviderApiErrorOptions {
  /** Provider id (`openai`, `openrouter` ...). */
  provider: string;
  /** What went wrong, in the vendor's words where it gave any. Must not contain the API key. */
  message: string;
  /** HTTP status, or `null` when no response arrived (connection reset, timeout, abort). */
  status: number | null;
  isRetryable: boolean;
  /** The vendor's own request id, when it sent one. */
  requestId?: string;
  /** HTTP attempts made, retries included. */
  attempts?: number;
  /** Milliseconds the vendor asked us to wait (`Retry-After` / `retry-after-ms`), when it did. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** Every failure of a call to a model vendor, whatever the vendor or SDK. */
export class ProviderApiError extends Error {
  readonly [flowErrorMarker] = true;
  readonly [providerApiErrorMarker] = true;
  readonly code = 'PROVIDER_API_ERROR';
  readonly provider: string;
  readonly status: number | null;
  readonly isRetryable: boolean;
  readonly requestId: string | undefined;
  attempts: number;
  readonly retryAfterMs: number | undefined;

  constructor(options: ProviderApiErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderApiError';
    this.provider = options.provider;
    this.status = options.status;
    this.isRetryable = options.isRetryable;
    this.requestId = options.requestId;
    this.attempts = options.attempts ?? 1;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Works across duplicate installs of this package, where `instanceof` would not. */
  /** The JSON form hosts send to clients (the same shape as `FlowError.toJSON`). */
  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    const details: Record<string, unknown> = { provider: this.provider, status: this.status, isRetryable: this.isRetryable, attempts: this.attempts };
    if (this.requestId !== undefined) details['requestId'] = this.requestId;
    return { code: this.code, message: this.message, details };
  }

  static isInstance(error: unknown): error is ProviderApiError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[providerApiErrorMarker] === true;
  }
}
