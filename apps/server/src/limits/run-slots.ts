import { toAbortSignal, type LazyAbortSignal } from '@flow/engine';
/** No run slot was free and the waiting line was full (or the wait ran out): answer 503 with Retry-After. */
export class ServerBusyError extends Error {
  constructor(readonly reason: 'queue-full' | 'queue-timeout' | 'shutting-down') {
    super(
      reason === 'shutting-down'
        ? 'The server is shutting down and accepts no new runs; retry against another instance.'
        : 'The server is running as many workflows as it is configured for; retry shortly.',
    );
    this.name = 'ServerBusyError';
  }
}

interface Waiter {
  grant(): void;
  refuse(error: Error): void;
}

/**
 * Bounds the workflow runs in progress. A request beyond the limit waits in a bounded line; beyond the
 * line, or after waiting too long, it is refused at once, so an overloaded server answers 503 instead of
 * piling up work or hanging.
 */
export class RunSlots {
  private active = 0;
  private readonly waiters: Waiter[] = [];
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    readonly maxConcurrent: number,
    readonly maxQueued: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** A release function when a slot is free right now, else undefined (then `acquire` waits or refuses). No promise. */
  tryAcquire(): (() => void) | undefined {
    if (this.closed || this.active >= this.maxConcurrent) return undefined;
    this.active++;
    return this.releaser();
  }

  /** Resolves with a release function once a slot is free; rejects with `ServerBusyError`. */
  acquire({ waitMs, signal: source }: { waitMs: number; signal?: AbortSignal | LazyAbortSignal }): Promise<() => void> {
    if (this.closed) return Promise.reject(new ServerBusyError('shutting-down'));
    if (this.active < this.maxConcurrent) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.maxQueued) return Promise.reject(new ServerBusyError('queue-full'));
    if (source?.aborted) return Promise.reject(cancelledWith(source.reason));
    // A lazy source makes its real signal only here, on the waiting path.
    const signal = source === undefined ? undefined : toAbortSignal(source);
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
      };
      const waiter: Waiter = {
        grant: () => {
          cleanup();
          resolve(this.releaser());
        },
        refuse: (error) => {
          cleanup();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.refuse(new ServerBusyError('queue-timeout')), waitMs);
      const onAbort = () => waiter.refuse(cancelledWith(signal!.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Resolves once no run holds a slot (at once when none does). */
  whenIdle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses every waiting and future request (shutdown); runs in progress keep their slots. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.refuse(new ServerBusyError('shutting-down'));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // Hand the slot straight to the next waiter, so `active` never dips and lets a newcomer jump the line.
      if (next) next.grant();
      else if (--this.active === 0 && this.idleWaiters.length > 0) {
        const waiting = this.idleWaiters;
        this.idleWaiters = [];
        for (const resolve of waiting) resolve();
      }
    };
  }
}

function cancelledWith(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error('The request was cancelled while waiting.');
}
