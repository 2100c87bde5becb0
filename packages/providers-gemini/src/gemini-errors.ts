import { describeCauseChain, isRetryableStatus, maskSecrets, ProviderApiError, redactedCause, retryAfterMsFromHeaders } from '@flow/providers-core';
import { z } from 'zod';

/** Google's error envelope: `{"error": {code, message, status, details}}`. */
const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.record(z.string(), z.unknown())).optional(),
  }),
});

/** `RetryInfo.retryDelay` (`"20s"`, `"1.5s"`), which Google sends on quota errors instead of a `Retry-After` header. */
function retryInfoMs(details: readonly Record<string, unknown>[] | undefined): number | undefined {
  const info = details?.find((detail) => String(detail['@type']).endsWith('google.rpc.RetryInfo'));
  const match = typeof info?.['retryDelay'] === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(info['retryDelay']) : null;
  return match ? Number(match[1]) * 1000 : undefined;
}

/** A non-2xx answer as a `ProviderApiError`: Google's message and status name, `Retry-After` or `RetryInfo`. */
export function httpError(status: number, headers: Headers, text: string, secrets: readonly (string | undefined)[]): ProviderApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const body = googleErrorSchema.safeParse(parsed);
  const error = body.success ? body.data.error : undefined;
  const message = error?.message ?? (text.trim().slice(0, 300) || 'no error message');
  const wait = retryAfterMsFromHeaders(headers) ?? retryInfoMs(error?.details);
  return new ProviderApiError({
    provider: 'gemini',
    message: maskSecrets(`Gemini API error ${status}${error?.status ? ` ${error.status}` : ''}: ${message}`, secrets),
    status,
    isRetryable: isRetryableStatus(status),
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
  });
}

/**
 * What `fetch` throws, as a `ProviderApiError`: the caller's abort (not retryable), our per-request timeout or an
 * abort whose reason is a `TimeoutError` (retryable), connection failures (retryable).
 */
export function fetchError(error: unknown, secrets: readonly (string | undefined)[], signals: { caller?: AbortSignal | undefined; timeout?: AbortSignal | undefined }): ProviderApiError {
  if (ProviderApiError.isInstance(error)) return error;
  const fail = (message: string, isRetryable: boolean) =>
    new ProviderApiError({ provider: 'gemini', message: maskSecrets(message, secrets), status: null, isRetryable, cause: redactedCause(error, secrets) });
  if (signals.caller?.aborted) {
    if ((signals.caller.reason as { name?: string } | undefined)?.name === 'TimeoutError') return fail("Gemini request timed out (the caller's deadline passed)", true);
    return fail('Gemini request was aborted', false);
  }
  if (signals.timeout?.aborted) return fail('Gemini request timed out', true);
  if (error instanceof SyntaxError) return fail(`Gemini returned a response body that is not valid JSON: ${error.message}`, true);
  return fail(`Gemini connection failed: ${describeCauseChain(error) ?? String(error)}`, true);
}
