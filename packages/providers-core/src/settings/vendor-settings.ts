import { ProviderApiError } from '../errors/provider-api-error.js';

// Every vendor package reads its settings this way (`OPENAI_API_KEY`, `ANTHROPIC_BASE_URL`, ...): one rule for all.
/** An explicit value wins; otherwise the environment variable, read at call time; empty strings count as unset. */
export function loadSetting(explicit: string | undefined, variable: string): string | undefined {
  if (explicit !== undefined && explicit !== '') return explicit;
  const fromEnv = process.env[variable];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/** The API key, or a clear error naming where it may come from, raised before any request. */
export function requireApiKey(explicit: string | undefined, variable: string, provider: string, factory: string): string {
  const key = loadSetting(explicit, variable);
  if (key === undefined) {
    throw new ProviderApiError({
      provider,
      message: `${provider}: no API key. Set ${variable}, or pass apiKey to ${factory}() or to the model settings.`,
      status: null,
      isRetryable: false,
    });
  }
  return key;
}
