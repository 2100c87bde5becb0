/**
 * Bounds how many requests a client has in flight. vLLM queues every request instead of shedding load (no 429),
 * so back-pressure is the client's job. Waiters are served first come, first served, which keeps batch chunks
 * going out in input order.
 */
export class ConcurrencyLimiter {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Waits for a free slot; returns the function that frees it. Rejects if `signal` aborts while waiting. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason;
    if (this.#active < this.#limit) {
      this.#active += 1;
      return this.#releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const position = this.#waiting.indexOf(grant);
        if (position !== -1) this.#waiting.splice(position, 1);
        reject(signal?.reason);
      };
      this.#waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    // The slot was handed over by the releaser, which did not decrement `#active`.
    return this.#releaser();
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    };
  }
}
