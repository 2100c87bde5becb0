import { maskSecret } from '@flow/kinds';

// `name=value` pairs in URLs and error texts, the name possibly percent-encoded (`api%5Fkey=`); the value
// runs to the next `&`, space or quote. Which names hold keys is decided on the decoded name.
const parameterPattern = /(?<![A-Za-z0-9_%.-])((?:[A-Za-z0-9_.-]|%[0-9A-Fa-f]{2})+)=([^&\s"'<>]*)/g;
// `scheme://user:password@host`: the password of a URL's userinfo.
const userinfoPattern = /(\/\/[^/?#@\s:"'<>]*):([^/?#@\s"'<>]*)@/g;
// Query parameters that carry keys (reference §11.4: `api_key`, Gemini's `key`).
const keyParameterNames = new Set(['api_key', 'key']);

/** Masks the reference's way: under 8 characters `***`, otherwise the first and last two kept. */
export function maskKeyValue(value: string): string {
  return value.length < 8 ? '***' : `${value.slice(0, 2)}***${value.slice(-2)}`;
}

function decodedName(name: string): string {
  if (!name.includes('%')) return name.toLowerCase();
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** Redacts `api_key=` / `key=` values (however the name is encoded) and URL passwords inside any text. */
export function maskApiKeysInText(text: string): string {
  let result = text;
  if (result.includes('=')) {
    result = result.replace(parameterPattern, (match, name: string, value: string) => (keyParameterNames.has(decodedName(name)) ? `${name}=${maskKeyValue(value)}` : match));
  }
  if (result.includes('@')) result = result.replace(userinfoPattern, (_match, user: string) => `${user}:***@`);
  return result;
}

/**
 * Hides known secret values (the request's API key, inputs of the `secret` kind) wherever they appear in
 * a text, using the `secret` kind's mask, and redacts `api_key=` parameters as well.
 */
export class SecretScrubber {
  private readonly secrets: string[] = [];

  add(value: unknown): void {
    // Very short values would mask ordinary words; the reference masks them fully only in outputs.
    if (typeof value === 'string' && value.length >= 4 && !this.secrets.includes(value)) {
      this.secrets.push(value);
      this.secrets.sort((left, right) => right.length - left.length);
    }
  }

  get isEmpty(): boolean {
    return this.secrets.length === 0;
  }

  scrub(text: string): string {
    let result = text;
    for (const secret of this.secrets) if (result.includes(secret)) result = result.split(secret).join(maskSecret(secret));
    return maskApiKeysInText(result);
  }

  /** Scrubs every string inside a JSON-like value, returning a copy. */
  scrubDeep<T>(value: T): T {
    return scrubValue(value, (text) => this.scrub(text)) as T;
  }
}

function scrubValue(value: unknown, scrub: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = scrubValue(item, scrub, depth + 1);
  return result;
}
