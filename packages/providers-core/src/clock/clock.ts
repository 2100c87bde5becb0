import { onAbort } from './on-abort.js';

/**
 * Time as the middleware sees it. Retries, attempt timeouts and rate limits all wait through one clock, so tests
 * can inject a manual one and never sleep for real.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as `signal` aborts (at once if it already has). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` after `ms` unless the returned function is called first. Cheaper than a sleep with a signal. */
  setTimer(ms: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (ms, callback) => {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        unsubscribe?.();
        resolve();
      }, Math.max(0, ms));
      const unsubscribe = signal
        ? onAbort(signal, () => {
            clearTimeout(timer);
            reject(signal.reason);
          })
        : undefined;
    }),
};
