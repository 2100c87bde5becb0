import type { Clock } from '../clock/clock.js';
import { onAbort } from '../clock/on-abort.js';

export interface ProviderLimits {
  /** Requests in flight at once (`FLOW_<PROVIDER>_MAX_CONCURRENCY`, default 16). */
  maxConcurrency: number;
  /** Requests started in any 60 s window (`FLOW_<PROVIDER>_RPM`); `Infinity` = unlimited (the default). */
  requestsPerMinute: number;
}

export const DEFAULT_MAX_CONCURRENCY = 16;
const WINDOW_MS = 60_000;

interface Waiter {
  wake: () => void;
}

/**
 * Admission control for one provider, shared by every registry and run in the process. Requests start first come,
 * first served when (1) fewer than `maxConcurrency` are in flight, (2) fewer than `requestsPerMinute` started in the
 * last 60 s (a sliding window: the first ones go at once), and (3) no 429 asked the provider to pause until later.
 */
export class ProviderLimiter {
  limits: ProviderLimits;
  #active = 0;
  #queue: Waiter[] = [];
  /** Start times of the most recent requests, at most `requestsPerMinute` of them, oldest first. */
  #starts: number[] = [];
  #pausedUntil = 0;

  constructor(limits: ProviderLimits) {
    this.limits = limits;
  }

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#queue.length;
  }

  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** No request starts before `until` (a 429's Retry-After); a later pause extends, an earlier one is ignored. */
  pauseUntil(until: number): void {
    if (until > this.#pausedUntil) this.#pausedUntil = until;
  }

  /**
   * Waits until this request may start and returns the function that frees its slot (call it once the answer, or
   * the failure, is in). Rejects with `signal.reason` if the signal aborts while waiting; the queue moves on.
   */
  async acquire(clock: Clock, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const waiter: Waiter = { wake: () => undefined };
    this.#queue.push(waiter);
    try {
      for (;;) {
        if (this.#queue[0] === waiter) {
          if (this.#active < this.limits.maxConcurrency) {
            const delay = this.#startDelay(clock.now());
            if (delay <= 0) break;
            await clock.sleep(delay, signal);
            continue;
          }
        }
        await new Promise<void>((resolve, reject) => {
          const unsubscribe = signal ? onAbort(signal, () => reject(signal.reason)) : undefined;
          waiter.wake = () => {
            unsubscribe?.();
            resolve();
          };
        });
      }
    } catch (error) {
      this.#leaveQueue(waiter);
      throw error;
    }
    this.#leaveQueue(waiter);
    this.#active += 1;
    this.#recordStart(clock.now());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      this.#queue[0]?.wake();
    };
  }

  /** Lets the first waiter look again (after the limits changed). */
  wakeHead(): void {
    this.#queue[0]?.wake();
  }

  #leaveQueue(waiter: Waiter): void {
    const position = this.#queue.indexOf(waiter);
    if (position === -1) return;
    this.#queue.splice(position, 1);
    // A new head may be able to start now (a slot is free, or it was only waiting behind this one).
    if (position === 0) this.#queue[0]?.wake();
  }

  #startDelay(now: number): number {
    const pause = this.#pausedUntil - now;
    const rpm = this.limits.requestsPerMinute;
    let windowWait = 0;
    if (Number.isFinite(rpm) && this.#starts.length >= rpm) {
      const oldestInWindow = this.#starts[this.#starts.length - rpm]!;
      windowWait = oldestInWindow + WINDOW_MS - now;
    }
    return Math.max(pause, windowWait);
  }

  #recordStart(now: number): void {
    const rpm = this.limits.requestsPerMinute;
    if (!Number.isFinite(rpm)) return;
    this.#starts.push(now);
    if (this.#starts.length > rpm) this.#starts.splice(0, this.#starts.length - rpm);
  }
}

/** Process-wide: one limiter per provider id, whichever registry or run asks. */
const limiters = new Map<string, ProviderLimiter>();

/**
 * The limiter of `provider`, created on first use. Limits are process-wide, so the latest registry's values win
 * (hosts configure one set per process).
 */
export function providerLimiter(provider: string, limits: ProviderLimits): ProviderLimiter {
  let limiter = limiters.get(provider);
  if (!limiter) {
    limiter = new ProviderLimiter(limits);
    limiters.set(provider, limiter);
  } else if (limiter.limits.maxConcurrency !== limits.maxConcurrency || limiter.limits.requestsPerMinute !== limits.requestsPerMinute) {
    limiter.limits = limits;
    limiter.wakeHead();
  }
  return limiter;
}

/** Forgets every provider's limiter state (in-flight counts, windows, pauses). For tests. */
export function resetProviderLimiters(): void {
  limiters.clear();
}
