import { type CacheScope, cacheKey } from '../cache/cache-key.js';
import type { CachedAnswer, ResponseCache } from '../cache/response-cache.js';
import type { GenerateResult } from '../model/language-model.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

export interface CacheOptions {
  store: ResponseCache;
  /** Overrides parts of the key scope (the registry passes the provider id it was asked for and the base URL). */
  scope?: Partial<CacheScope>;
  /** Told when the store fails; the call still succeeds, since the answer is in hand. */
  onStoreError?: (error: unknown) => void;
}

/** Only complete, ordinary answers are worth replaying; a filtered or failed one should be asked again. */
function cacheable(result: GenerateResult): boolean {
  return result.finishReason === 'stop' || result.finishReason === 'length';
}

/**
 * Replays stored answers: a hit returns the stored result with `cached: true` and calls nothing below (no retry, no
 * limit, no vendor). A miss calls the model and stores a `stop`/`length` answer.
 */
export function cacheMiddleware(options: CacheOptions): LanguageModelMiddleware {
  const { store, onStoreError = () => undefined } = options;
  return {
    name: 'cache',
    async wrapGenerate({ model, options: call, generate }) {
      const scope: CacheScope = { provider: model.provider, model: model.modelId, ...options.scope };
      const key = cacheKey(scope, call);
      let hit: CachedAnswer | undefined;
      try {
        hit = await store.get(key);
      } catch (error) {
        onStoreError(error);
      }
      if (hit) return { ...hit, cached: true };
      const result = await generate(call);
      if (cacheable(result)) {
        const answer: CachedAnswer = { text: result.text, finishReason: result.finishReason, usage: { ...result.usage }, model: result.model };
        if (result.requestId !== undefined) answer.requestId = result.requestId;
        try {
          await store.set(key, answer);
        } catch (error) {
          onStoreError(error);
        }
      }
      return result;
    },
  };
}
