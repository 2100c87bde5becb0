/** Google's canonical status names by HTTP code. */
const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/**
 * Google's error envelope: `{"error": {code, message, status, details?}}`. A 429 carries a `RetryInfo` detail with
 * the delay Google asks for, as the Gemini API sends on quota errors.
 */
export function geminiErrorBody(status: number, message: string): unknown {
  const details =
    status === 429
      ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '20s' }]
      : status === 400 && message.startsWith('API key not valid')
        ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }]
        : undefined;
  return { error: { code: status, message, status: statusNames[status] ?? (status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION'), ...(details ? { details } : {}) } };
}
