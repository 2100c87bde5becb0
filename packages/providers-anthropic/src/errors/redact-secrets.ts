// Same as @flow/providers-openai's copy; both move to @flow/providers-core (maskSecrets, retryAfterMsFromHeaders) once it exports them.
/** Replaces every occurrence of each secret in `text` with `***`, so keys never reach messages or logs. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values would mask ordinary words; real keys are long.
    if (secret !== undefined && secret.length >= 6) result = result.split(secret).join('***');
  }
  return result;
}

/**
 * A copy of an error chain keeping only names, codes and redacted messages. SDK errors carry response headers,
 * bodies and request options; none of that may travel in a `cause`, where a key could hide.
 */
export function redactedCause(error: unknown, secrets: readonly (string | undefined)[], depth = 0): Error | undefined {
  if (error === undefined || error === null || depth > 4) return undefined;
  const source = error instanceof Error ? error : new Error(String(error));
  const inner = redactedCause((source as { cause?: unknown }).cause, secrets, depth + 1);
  const copy = new Error(redactSecrets(source.message, secrets), inner === undefined ? undefined : { cause: inner });
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  // The stack names our files, not the secret; keep the original's so the failure stays traceable.
  copy.stack = redactSecrets(source.stack ?? copy.stack ?? '', secrets);
  return copy;
}
