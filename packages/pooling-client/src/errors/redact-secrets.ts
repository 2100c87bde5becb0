/** Replaces every occurrence of a secret with `***`, so keys never reach an error message or a log line. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length > 0) redacted = redacted.split(secret).join('***');
  }
  return redacted;
}
