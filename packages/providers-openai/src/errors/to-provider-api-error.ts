import { describeCauseChain, isRetryableStatus, maskSecrets, ProviderApiError, redactedCause, retryAfterMsFromHeaders } from '@flow/providers-core';

export interface ErrorContext {
  /** Provider id (`openai`, `openrouter`). */
  provider: string;
  /** Name for messages (`OpenAI`, `OpenRouter`). */
  vendor: string;
  /** Values to mask wherever they appear (the API key). */
  secrets: readonly (string | undefined)[];
  /** The caller's signal: tells a caller's abort from a timeout it set (`AbortSignal.timeout`). */
  signal?: AbortSignal | undefined;
  /** The SDK's error classes, checked with `instanceof` (names may not survive a minifier). */
  errorClasses: SdkErrorClasses;
}

type ErrorClass = abstract new (...args: never[]) => Error;

export interface SdkErrorClasses {
  APIUserAbortError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
  APIConnectionError: ErrorClass;
}

/** The fields Stainless-generated SDK errors (`openai`, `@anthropic-ai/sdk`) carry; read structurally. */
interface SdkError extends Error {
  status?: number;
  headers?: Headers;
  error?: unknown;
  requestID?: string | null;
}

/**
 * Turns anything a Stainless SDK call throws (`APIError` and its subclasses, `APIUserAbortError`,
 * `APIConnectionError`, `APIConnectionTimeoutError`, a JSON `SyntaxError`) into a `ProviderApiError` with the
 * key masked. Shared by the OpenAI, OpenRouter and Anthropic packages, whose SDKs have the same error classes.
 */
export function toProviderApiError(error: unknown, context: ErrorContext): ProviderApiError {
  if (ProviderApiError.isInstance(error)) return error;
  const { provider, vendor, secrets } = context;
  const fail = (message: string, status: number | null, isRetryable: boolean, extra: { requestId?: string; retryAfterMs?: number } = {}) =>
    new ProviderApiError({ provider, message: maskSecrets(message, secrets), status, isRetryable, ...extra, cause: redactedCause(error, secrets) });

  const sdkError = error as SdkError;
  const classes = context.errorClasses;
  if (error instanceof classes.APIUserAbortError || sdkError?.name === 'AbortError' || context.signal?.aborted) {
    const reason = context.signal?.reason as { name?: string } | undefined;
    if (reason?.name === 'TimeoutError') return fail(`${vendor} request timed out (the caller's deadline passed)`, null, true);
    return fail(`${vendor} request was aborted`, null, false);
  }
  if (error instanceof classes.APIConnectionTimeoutError) return fail(`${vendor} request timed out`, null, true);
  if (error instanceof classes.APIConnectionError) return fail(`${vendor} connection failed: ${describeCauseChain(sdkError.cause) ?? sdkError.message}`, null, true);
  if (typeof sdkError?.status === 'number') {
    const status = sdkError.status;
    const requestId = sdkError.requestID ?? sdkError.headers?.get('request-id') ?? undefined;
    const wait = retryAfterMsFromHeaders(sdkError.headers);
    return fail(`${vendor} API error ${status}: ${vendorMessage(sdkError)}`, status, isRetryableStatus(status), {
      ...(requestId ? { requestId } : {}),
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
  if (error instanceof SyntaxError) return fail(`${vendor} returned a response body that is not valid JSON: ${error.message}`, null, true);
  return fail(`${vendor} request failed: ${error instanceof Error ? error.message : String(error)}`, null, false);
}

/** The vendor's own words: `error.message` of the body (OpenAI, Anthropic, OpenRouter envelopes), else the SDK's. */
function vendorMessage(error: SdkError): string {
  const body = error.error as { message?: unknown; error?: { message?: unknown } } | undefined;
  const message = body?.message ?? body?.error?.message;
  if (typeof message === 'string' && message !== '') return message;
  return error.message.replace(/^\d{3}\s+/, '') || 'no error message';
}
