import { isRetryableStatus, maskSecrets, ProviderApiError } from '@flow/providers-core';

interface ReplyError {
  code?: unknown;
  message?: unknown;
  metadata?: { provider_name?: unknown; raw?: unknown } | null;
}

/**
 * OpenRouter answers 200 with `choices: null` (or no choices) and an `error` object when the upstream provider
 * failed after routing. That is an error, not an empty answer: its `code` is an HTTP status where it gives one.
 * Returns `undefined` for ordinary replies.
 */
export function openRouterReplyError(body: unknown, secrets: readonly (string | undefined)[], requestId: string | undefined): ProviderApiError | undefined {
  const reply = body as { choices?: unknown; error?: ReplyError } | null;
  if (typeof reply?.error !== 'object' || reply.error === null || (Array.isArray(reply.choices) && reply.choices.length > 0)) return undefined;
  const { code, message, metadata } = reply.error;
  const status = typeof code === 'number' && code >= 400 && code <= 599 ? code : null;
  const upstream = typeof metadata?.provider_name === 'string' ? ` (upstream ${metadata.provider_name})` : '';
  const text = typeof message === 'string' && message !== '' ? message : 'no error message';
  return new ProviderApiError({
    provider: 'openrouter',
    message: maskSecrets(`OpenRouter error${status === null ? '' : ` ${status}`}${upstream}: ${text}`, secrets),
    status,
    // No status means OpenRouter did not say what failed upstream; another attempt may be routed elsewhere.
    isRetryable: isRetryableStatus(status),
    ...(requestId ? { requestId } : {}),
  });
}
