import { createHash } from 'node:crypto';
import type { GenerateOptions } from '../model/language-model.js';

/** Bumped whenever what goes into the key changes, so old entries stop matching instead of matching wrongly. */
const KEY_VERSION = 1;

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` hash alike. */
function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

export interface CacheScope {
  provider: string;
  model: string;
  /** Set when a model was asked for with its own base URL: another server may answer differently. */
  baseURL?: string;
}

/**
 * sha256 of everything that decides the answer: provider, model (and base URL), system, every content part with
 * the image bytes themselves, maxTokens, temperature, responseFormat and providerOptions. Not the signal, headers
 * or usage sink, which do not change what the model says.
 */
export function cacheKey(scope: CacheScope, options: GenerateOptions): string {
  const hash = createHash('sha256');
  const content = options.content.map((part) =>
    part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image', mediaType: part.mediaType, detail: part.detail, bytes: part.data.byteLength },
  );
  hash.update(
    canonicalJson({
      v: KEY_VERSION,
      provider: scope.provider,
      model: scope.model,
      baseURL: scope.baseURL,
      system: options.system,
      content,
      maxTokens: options.maxTokens,
      temperature: options.temperature,
      responseFormat: options.responseFormat,
      providerOptions: options.providerOptions,
    }),
  );
  // The bytes follow in part order; their lengths above keep the boundaries unambiguous.
  for (const part of options.content) if (part.type === 'image') hash.update(part.data);
  return hash.digest('hex');
}
