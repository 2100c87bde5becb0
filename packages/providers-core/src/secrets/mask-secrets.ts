/** What a secret becomes in text. */
export const MASK = '***';

/** Secrets shorter than this are not masked: replacing every `ab` in a message would garble it and hide nothing. */
const MIN_SECRET_LENGTH = 4;

/** Header names whose value is a credential whatever it holds. */
const credentialHeader = /^(authorization|proxy-authorization|x-api-key|api-key|x-goog-api-key|cookie|set-cookie)$/i;

function usable(secrets: readonly (string | undefined | null)[]): string[] {
  // Longest first, so a key that contains another key is masked whole.
  return [...new Set(secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
}

/** Replaces every occurrence of each secret (an API key) in `text` with `***`. */
export function maskSecrets(text: string, secrets: readonly (string | undefined | null)[]): string {
  let masked = text;
  for (const secret of usable(secrets)) masked = masked.split(secret).join(MASK);
  return masked;
}

/**
 * Masks the secrets everywhere an error can show them: its message and stack, every string property, header
 * objects (`Headers` or plain; credential headers are masked whatever their value), nested objects and arrays,
 * `errors` of an AggregateError and the whole `cause` chain. Works in place (an error's identity and class stay
 * what callers test for) and returns the same error (a string comes back masked). Cycles are safe.
 */
export function redactError<T>(error: T, secrets: readonly (string | undefined | null)[]): T {
  const list = usable(secrets);
  const seen = new WeakSet<object>();
  const mask = (text: string) => {
    let masked = text;
    for (const secret of list) masked = masked.split(secret).join(MASK);
    return masked;
  };
  const visit = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return mask(value);
    if (typeof value !== 'object' || value === null || depth > 8 || seen.has(value)) return value;
    seen.add(value);
    if (typeof Headers !== 'undefined' && value instanceof Headers) {
      for (const [name, headerValue] of [...value.entries()]) {
        const masked = credentialHeader.test(name) ? MASK : mask(headerValue);
        if (masked !== headerValue) value.set(name, masked);
      }
      return value;
    }
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) value[index] = visit(value[index], depth + 1);
      return value;
    }
    if (value instanceof Map) {
      for (const [key, entry] of value) value.set(key, typeof key === 'string' && credentialHeader.test(key) ? MASK : visit(entry, depth + 1));
      return value;
    }
    const record = value as Record<string, unknown>;
    // `message`, `stack` and `cause` are own but non-enumerable on errors; name them explicitly.
    const keys = new Set([...Object.getOwnPropertyNames(record), ...(value instanceof Error ? ['message', 'stack', 'cause'] : [])]);
    for (const key of keys) {
      const descriptor = Object.getOwnPropertyDescriptor(record, key);
      if (!descriptor || !('value' in descriptor)) continue;
      const current = descriptor.value as unknown;
      const next = credentialHeader.test(key) && typeof current === 'string' ? MASK : visit(current, depth + 1);
      if (next === current) continue;
      if (descriptor.writable) record[key] = next;
      else if (descriptor.configurable) Object.defineProperty(record, key, { ...descriptor, value: next });
    }
    return value;
  };
  return visit(error, 0) as T;
}
