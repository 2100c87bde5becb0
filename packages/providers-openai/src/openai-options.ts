import { ProviderApiError } from '@flow/providers-core';

export type OpenAIApi = 'chat' | 'responses';

/** `providerOptions.openai`: what has no common form across vendors. Unknown keys are refused. */
export interface OpenAIProviderOptions {
  /** Which API answers: Chat Completions (default) or Responses. */
  api?: OpenAIApi;
  /** For reasoning models: `minimal | low | medium | high` (and whatever newer values the model accepts). */
  reasoningEffort?: string;
  /** `auto | default | flex | priority`. */
  serviceTier?: string;
  /** A stable id of the end user, for OpenAI's abuse monitoring. */
  user?: string;
  /** Responses only: keep the response on OpenAI's side (default `false`: nothing is stored). */
  store?: boolean;
}

const known = new Set(['api', 'reasoningEffort', 'serviceTier', 'user', 'store']);

/** Reads and checks `providerOptions.openai`; a wrong value is a clear error before any request. */
export function readOpenAIOptions(value: Record<string, unknown> | undefined, provider = 'openai'): OpenAIProviderOptions {
  if (value === undefined) return {};
  const invalid = (what: string) => new ProviderApiError({ provider, message: `providerOptions.${provider}: ${what}`, status: null, isRetryable: false });
  for (const key of Object.keys(value)) if (!known.has(key)) throw invalid(`unknown option "${key}" (known: ${[...known].join(', ')})`);
  const { api, reasoningEffort, serviceTier, user, store } = value;
  if (api !== undefined && api !== 'chat' && api !== 'responses') throw invalid(`api must be "chat" or "responses", got ${JSON.stringify(api)}`);
  for (const [name, field] of Object.entries({ reasoningEffort, serviceTier, user })) {
    if (field !== undefined && typeof field !== 'string') throw invalid(`${name} must be a string`);
  }
  if (store !== undefined && typeof store !== 'boolean') throw invalid('store must be a boolean');
  return value as OpenAIProviderOptions;
}
