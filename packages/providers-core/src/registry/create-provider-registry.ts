import type { ResponseCache } from '../cache/response-cache.js';
import { createDiskCache } from '../cache/disk-cache.js';
import { type Clock, systemClock } from '../clock/clock.js';
import { ProviderConfigurationError } from '../errors/provider-configuration-error.js';
import { ProviderNotInstalledError } from '../errors/provider-not-installed-error.js';
import { DEFAULT_MAX_CONCURRENCY, type ProviderLimits } from '../limits/provider-limiter.js';
import { attemptTimeoutMiddleware, DEFAULT_ATTEMPT_TIMEOUT_MS } from '../middleware/attempt-timeout.js';
import { cacheMiddleware } from '../middleware/cache.js';
import type { LanguageModelMiddleware } from '../middleware/language-model-middleware.js';
import { limitsMiddleware } from '../middleware/limits.js';
import { maskSecretsMiddleware } from '../middleware/mask-secrets.js';
import { DEFAULT_MAX_RETRIES, retryMiddleware } from '../middleware/retries.js';
import { usageMiddleware } from '../middleware/usage.js';
import { wrapLanguageModel } from '../middleware/wrap-language-model.js';
import { type Environment, integerSetting, providerEnvPrefix } from '../settings/env-settings.js';
import type { LanguageModelSettings, Provider, ProviderRegistry } from './provider-registry.js';

export interface ProviderRegistryOptions {
  /** Where `FLOW_*` settings are read from (default `process.env`). Options given here win over it. */
  env?: Environment;
  /** Retries after the first attempt (`FLOW_MODEL_MAX_RETRIES`, default 2). */
  maxRetries?: number;
  /** Per-attempt timeout in ms (`FLOW_MODEL_TIMEOUT_MS`, default 120 000). */
  timeoutMs?: number;
  /** Exponential backoff bounds (defaults 1 s doubling, capped at 20 s, full jitter). */
  backoff?: { initialDelayMs?: number; maxDelayMs?: number };
  /**
   * Response cache: a `createDiskCache(dir)` or `createMemoryCache({...})`, or `false` for none. Unset: a disk
   * cache at `FLOW_CACHE_DIR` when that is set, else none.
   */
  cache?: ResponseCache | false;
  /** Told when the cache store fails to read or write (the call itself goes on). */
  onCacheError?: (error: unknown) => void;
  /** Per provider id, overriding `FLOW_<PROVIDER>_MAX_CONCURRENCY` / `FLOW_<PROVIDER>_RPM`. */
  limits?: Record<string, Partial<ProviderLimits>>;
  /** Time source for backoff, timeouts and rate limits; tests inject a manual clock. */
  clock?: Clock;
  /** Random source in [0, 1) for the backoff jitter. */
  random?: () => number;
}

function resolveLimits(provider: string, options: ProviderRegistryOptions, env: Environment): ProviderLimits {
  const prefix = providerEnvPrefix(provider);
  const override = options.limits?.[provider] ?? {};
  return {
    maxConcurrency: integerSetting(`limits.${provider}.maxConcurrency`, override.maxConcurrency, env, `${prefix}_MAX_CONCURRENCY`, DEFAULT_MAX_CONCURRENCY, 1),
    requestsPerMinute: integerSetting(`limits.${provider}.requestsPerMinute`, override.requestsPerMinute, env, `${prefix}_RPM`, Number.POSITIVE_INFINITY, 1),
  };
}

/**
 * The registry hosts build once and hand to blocks (`context.services.providers`). Each model it returns is the
 * vendor's, wrapped, outermost first, in: mask secrets -> usage -> cache -> retries -> limits -> attempt timeout.
 * Settings are read (and checked) here, so a bad `FLOW_*` value fails at startup rather than on the first image.
 */
export function createProviderRegistry(providers: Record<string, Provider>, options: ProviderRegistryOptions = {}): ProviderRegistry {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const maxRetries = integerSetting('maxRetries', options.maxRetries, env, 'FLOW_MODEL_MAX_RETRIES', DEFAULT_MAX_RETRIES, 0);
  const timeoutMs = integerSetting('timeoutMs', options.timeoutMs, env, 'FLOW_MODEL_TIMEOUT_MS', DEFAULT_ATTEMPT_TIMEOUT_MS, 1);
  const cacheDir = env['FLOW_CACHE_DIR']?.trim();
  const cache = options.cache === undefined ? (cacheDir ? createDiskCache(cacheDir) : undefined) : options.cache || undefined;
  const wired = Object.keys(providers);
  for (const id of wired) {
    const provider = providers[id];
    if (typeof provider?.languageModel !== 'function') {
      throw new ProviderConfigurationError(`providers.${id}`, `Provider \`${id}\` has no languageModel() function; pass what the vendor package's factory returns (e.g. createOpenAI()).`);
    }
  }
  const limits = new Map(wired.map((id) => [id, resolveLimits(id, options, env)]));

  return {
    providerIds: Object.freeze([...wired]),
    languageModel(providerId: string, modelId: string, settings: LanguageModelSettings = {}) {
      const provider = Object.hasOwn(providers, providerId) ? providers[providerId] : undefined;
      if (!provider) throw new ProviderNotInstalledError(providerId, wired);
      const model = provider.languageModel(modelId, settings);
      const middleware: LanguageModelMiddleware[] = [maskSecretsMiddleware([settings.apiKey]), usageMiddleware({ provider: providerId })];
      if (cache) {
        const scope = settings.baseURL === undefined ? { provider: providerId } : { provider: providerId, baseURL: settings.baseURL };
        middleware.push(cacheMiddleware({ store: cache, scope, ...(options.onCacheError ? { onStoreError: options.onCacheError } : {}) }));
      }
      middleware.push(
        retryMiddleware({ maxRetries, clock, ...options.backoff, ...(options.random ? { random: options.random } : {}) }),
        limitsMiddleware({ provider: providerId, clock, ...limits.get(providerId)! }),
        attemptTimeoutMiddleware({ timeoutMs, clock }),
      );
      return wrapLanguageModel(model, ...middleware);
    },
  };
}
