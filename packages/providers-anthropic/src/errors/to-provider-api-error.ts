import Anthropic from '@anthropic-ai/sdk';
import { describeCauseChain, isRetryableStatus, maskSecrets, ProviderApiError, redactedCause, retryAfterMsFromHeaders } from '@flow/providers-core';

/** HTTP statuses Anthropic uses for each error type; a mid-stream `error` event carries only the type. */
const statusOfErrorType: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/**
 * Anything the Anthropic SDK throws, as a `ProviderApiError` with the key masked: HTTP errors (status, the
 * vendor's message, `request-id`, `retry-after`), mid-stream `error` events (status from the error type, e.g.
 * `overloaded_error` → 529), connection failures and timeouts (no status, retryable), and aborts.
 */
export function toProviderApiError(error: unknown, secrets: readonly (string | undefined)[], signal: AbortSignal | undefined): ProviderApiError {
  if (ProviderApiError.isInstance(error)) return error;
  const fail = (message: string, status: number | null, isRetryable: boolean, extra: { requestId?: string; retryAfterMs?: number } = {}) =>
    new ProviderApiError({ provider: 'anthropic', message: maskSecrets(message, secrets), status, isRetryable, ...extra, cause: redactedCause(error, secrets) });

  if (error instanceof Anthropic.APIUserAbortError || (error as Error)?.name === 'AbortError' || signal?.aborted) {
    if ((signal?.reason as { name?: string } | undefined)?.name === 'TimeoutError') return fail("Anthropic request timed out (the caller's deadline passed)", null, true);
    return fail('Anthropic request was aborted', null, false);
  }
  if (error instanceof Anthropic.APIConnectionTimeoutError) return fail('Anthropic request timed out', null, true);
  if (error instanceof Anthropic.APIConnectionError) return fail(`Anthropic connection failed: ${describeCauseChain(error.cause) ?? error.message}`, null, true);
  if (error instanceof Anthropic.APIError) {
    const body = error.error as { error?: { type?: unknown; message?: unknown } } | undefined;
    const type = typeof body?.error?.type === 'string' ? body.error.type : undefined;
    const vendorMessage = typeof body?.error?.message === 'string' && body.error.message !== '' ? body.error.message : error.message.replace(/^\d{3}\s+/, '');
    const status = error.status ?? (type === undefined ? undefined : statusOfErrorType[type]);
    const requestId = error.requestID ?? undefined;
    const wait = retryAfterMsFromHeaders(error.headers);
    const extra = { ...(requestId ? { requestId } : {}), ...(wait === undefined ? {} : { retryAfterMs: wait }) };
    if (status === undefined) return fail(`Anthropic stream failed: ${vendorMessage}`, null, true, extra);
    const where = error.status === undefined ? `stream error (${type})` : `API error ${status}`;
    return fail(`Anthropic ${where}: ${vendorMessage}`, status, isRetryableStatus(status), extra);
  }
  if (error instanceof SyntaxError) return fail(`Anthropic returned a response body that is not valid JSON: ${error.message}`, null, true);
  return fail(`Anthropic request failed: ${error instanceof Error ? error.message : String(error)}`, null, false);
}
