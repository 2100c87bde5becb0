import type { Clock } from './clock.js';
import { onAbort } from './on-abort.js';

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/** A clock that moves only when told to: `advance(ms)` wakes every sleeper due by then, in order. For tests. */
export class ManualClock implements Clock {
  #now: number;
  #sleepers: Sleeper[] = [];
  /** Every `sleep` duration asked for, in order (what a retry waited, what a limit held back). */
  readonly sleeps: number[] = [];

  constructor(start = 1_700_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** Sleepers not woken yet. */
  get pending(): number {
    return this.#sleepers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const sleeper: Sleeper = {
        wakeAt: this.#now + Math.max(0, ms),
        resolve: () => {
          unsubscribe?.();
          resolve();
        },
      };
      const unsubscribe = signal
        ? onAbort(signal, () => {
            this.#sleepers = this.#sleepers.filter((other) => other !== sleeper);
            reject(signal.reason);
          })
        : undefined;
      this.#sleepers.push(sleeper);
    });
  }

  setTimer(ms: number, callback: () => void): () => void {
    const sleeper: Sleeper = { wakeAt: this.#now + Math.max(0, ms), resolve: callback };
    this.#sleepers.push(sleeper);
    return () => {
      this.#sleepers = this.#sleepers.filter((other) => other !== sleeper);
    };
  }

  /** Moves time forward, waking sleepers one due time at a time and letting their continuations run between. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    for (;;) {
      await settle();
      const due = this.#sleepers.filter((sleeper) => sleeper.wakeAt <= target).sort((a, b) => a.wakeAt - b.wakeAt)[0];
      if (!due) break;
      this.#now = Math.max(this.#now, due.wakeAt);
      this.#sleepers = this.#sleepers.filter((sleeper) => sleeper !== due);
      due.resolve();
    }
    this.#now = target;
    await settle();
  }
}

/** Lets pending promise continuations run (a few macrotask turns, enough for chains of awaits). */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
