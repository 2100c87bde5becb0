import { maskSecrets } from './mask-secrets.js';

/**
 * A copy of an error chain keeping only names, codes and masked messages and stacks. SDK errors carry response
 * headers, bodies and request options; none of that may travel in a `cause` of a `ProviderApiError`, where a key
 * could hide. Unlike `redactError` (which masks an error in place and keeps everything), this drops all else.
 */
export function redactedCause(error: unknown, secrets: readonly (string | undefined | null)[], depth = 0): Error | undefined {
  if (error === undefined || error === null || depth > 4) return undefined;
  const source = error instanceof Error ? error : new Error(String(error));
  const inner = redactedCause((source as { cause?: unknown }).cause, secrets, depth + 1);
  const copy = new Error(maskSecrets(source.message, secrets), inner === undefined ? undefined : { cause: inner });
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  // The stack names our files, not the secret; keep the original's so the failure stays traceable.
  copy.stack = maskSecrets(source.stack ?? copy.stack ?? '', secrets);
  return copy;
}
