/** Shared with `FlowError` in `@flow/kinds`, so `FlowError.isInstance` recognises this error without a dependency. */
const flowErrorMarker = Symbol.for('flow.error');
const poolingApiErrorMarker = Symbol.for('flow.error.PoolingApiError');

/** What went wrong when the server never gave a usable answer; vLLM's own `type` strings are used otherwise. */
export type PoolingClientErrorType = 'ConnectionError' | 'TimeoutError' | 'InvalidResponseError';

export interface PoolingApiErrorOptions {
  message: string;
  /** HTTP status, or `null` when no response arrived (connection error, timeout). */
  status: number | null;
  /** vLLM's error `type` (`BadRequestError`, `NotFoundError`, `Bad Request`, ...), the HTTP reason phrase for bodies without one, or a {@link PoolingClientErrorType}. */
  type: string;
  /** The request field at fault when vLLM names one (`input_tokens`, `truncate_prompt_tokens`, ...). */
  param?: string | null;
  isRetryable: boolean;
  /** The `X-Request-Id` of the request: the server's echo when it sent one, else the id the client sent. */
  requestId: string;
  /** `POST /classify` and the like. */
  endpoint: string;
  /** HTTP attempts made, retries included. */
  attempts: number;
  /** For a batched call: which inputs the failing request carried (`end` exclusive). */
  inputRange?: { start: number; end: number } | undefined;
  cause?: unknown;
}

/**
 * Every failure of a call to vLLM, whatever body shape the server used: the current `{error: {...}}` envelope,
 * the legacy flat `{object: "error", ...}`, FastAPI's `{detail}`, plain-string middleware bodies, empty bodies,
 * plus connection errors, timeouts and answers that do not match the response schema.
 */
export class PoolingApiError extends Error {
  readonly [flowErrorMarker] = true;
  readonly [poolingApiErrorMarker] = true;
  /** Stable code, as on every Flow error. */
  readonly code = 'POOLING_API_ERROR';
  readonly status: number | null;
  readonly type: string;
  readonly param: string | null;
  readonly isRetryable: boolean;
  readonly requestId: string;
  readonly endpoint: string;
  readonly attempts: number;
  readonly inputRange: { start: number; end: number } | undefined;

  constructor(options: PoolingApiErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PoolingApiError';
    this.status = options.status;
    this.type = options.type;
    this.param = options.param ?? null;
    this.isRetryable = options.isRetryable;
    this.requestId = options.requestId;
    this.endpoint = options.endpoint;
    this.attempts = options.attempts;
    this.inputRange = options.inputRange;
  }

  /** Works across duplicate installs of this package, where `instanceof` would not. */
  static isInstance(error: unknown): error is PoolingApiError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[poolingApiErrorMarker] === true;
  }

  /** JSON-safe facts, in the place `FlowError` keeps them. */
  get details(): Record<string, unknown> {
    return { ...this.facts(), ...(this.inputRange ? { inputRange: this.inputRange } : {}) };
  }

  /** The fields that describe the failure, shared by `details` and copies. */
  private facts() {
    return {
      status: this.status,
      type: this.type,
      param: this.param,
      isRetryable: this.isRetryable,
      requestId: this.requestId,
      endpoint: this.endpoint,
      attempts: this.attempts,
    };
  }

  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }

  /** A copy that names the slice of a batched call the failing request carried. */
  withInputRange(inputRange: { start: number; end: number }, totalInputs: number): PoolingApiError {
    return new PoolingApiError({
      message: `${this.message} (request carried inputs ${inputRange.start}..${inputRange.end - 1} of ${totalInputs})`,
      ...this.facts(),
      inputRange,
      cause: this.cause,
    });
  }
}
