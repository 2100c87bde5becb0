import { type CacheScope, cacheKey } from '../cache/cache-key.js';
import type { CachedAnswer, ResponseCache } from '../cache/response-cache.js';
import { onAbort } from '../clock/on-abort.js';
import type { GenerateResult } from '../model/language-model.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

export interface CacheOptions {
  store: ResponseCache;
  /** Overrides parts of the key scope (the registry passes the provider id it was asked for and the base URL). */
  scope?: Partial<CacheScope>;
  /** Told when the store fails; the call still succeeds, since the answer is in hand. */
  onStoreError?: (error: unknown) => void;
}

/** Calls in flight per store and key, so identical requests at the same time reach the vendor once. */
const inFlightByStore = new WeakMap<ResponseCache, Map<string, Promise<GenerateResult>>>();

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts (the promise itself goes on). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error);
      },
    );
  });
}

/** Only complete, ordinary answers are worth replaying; a filtered or failed one should be asked again. */
function cacheable(result: GenerateResult): boolean {
  return result.finishReason === 'stop' || result.finishReason === 'length';
}

/**
 * Replays stored answers: a hit returns the stored result with `cached: true` and calls nothing below (no retry, no
 * limit, no vendor). A miss calls the model and stores a `stop`/`length` answer. Identical requests in flight at the
 * same time (a batch holding one image twice) share one vendor call; the followers' answers count as cached.
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
      let inFlight = inFlightByStore.get(store);
      if (!inFlight) {
        inFlight = new Map();
        inFlightByStore.set(store, inFlight);
      }
      const leader = inFlight.get(key);
      if (leader) {
        // The same request is on its way: share its answer (billed once). If it fails or is not worth
        // caching, ask on our own, so one caller's abort or error never becomes another's.
        const shared = await unlessAborted(leader, call.signal).catch((error: unknown) => {
          if (call.signal?.aborted) throw error;
          return undefined;
        });
        if (shared && cacheable(shared)) return { ...shared, cached: true };
        return generate(call);
      }
      const pending = generate(call);
      inFlight.set(key, pending);
      let result: GenerateResult;
      try {
        result = await pending;
      } finally {
        inFlight.delete(key);
      }
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
