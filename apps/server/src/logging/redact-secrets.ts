/** What a masked field reads in a log line. */
export const REDACTED = '[redacted]';

/**
 * Masks secrets by key before a log line is written: `api_key` at the top level or one object down, and
 * `authorization` / `cookie` of a `headers` object. The caller's objects are never changed: an object that
 * holds a secret is copied with it masked; any other is handed back as it is, without a copy.
 *
 * Written by hand in place of pino's `redact` option, which for these paths (a `*` wildcard among them)
 * copied parts of every line and took ~40% of the per-request log line's time.
 */
export function redactSecrets(object: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    if (key === 'api_key') {
      (copy ??= { ...object }).api_key = REDACTED;
      continue;
    }
    const value = object[key];
    const masked = maskNested(key, value);
    if (masked !== value) (copy ??= { ...object })[key] = masked;
  }
  return copy ?? object;
}

/** A nested plain object with the secrets it holds masked; anything else (Errors too: the `err` serializer keeps only known fields) as it is. */
function maskNested(key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Error) return value;
  const record = value as Record<string, unknown>;
  const apiKey = Object.hasOwn(record, 'api_key');
  const authorization = key === 'headers' && Object.hasOwn(record, 'authorization');
  const cookie = key === 'headers' && Object.hasOwn(record, 'cookie');
  if (!apiKey && !authorization && !cookie) return value;
  const copy = { ...record };
  if (apiKey) copy.api_key = REDACTED;
  if (authorization) copy.authorization = REDACTED;
  if (cookie) copy.cookie = REDACTED;
  return copy;
}
