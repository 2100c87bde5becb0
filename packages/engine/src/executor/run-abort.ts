import { toAbortSignal, type LazyAbortSignal } from './run-options.js';

/**
 * A run's cancellation: the caller's signal (or lazy signal source), or the run's own first failure.
 * The AbortController that blocks see as `context.signal` (linked to the caller's signal) is made only when something asks for
 * it: a block reading `context.signal`, or an async block being awaited. Runs of quick synchronous blocks
 * never need one, and on Node 20 a controller with its listener costs several microseconds a run.
 */
export class RunAbort {
  private controller: AbortController | undefined;
  private failure: { reason: unknown } | undefined;
  private onOuterAbort: (() => void) | undefined;
  /** The caller's real signal, once linked (a lazy source makes it on first use). */
  private linked: AbortSignal | undefined;

  constructor(private readonly outer: AbortSignal | LazyAbortSignal | undefined) {}

  get aborted(): boolean {
    return this.failure !== undefined || this.outer?.aborted === true;
  }

  /** Why the run stopped: the first failure, or the caller's reason if it aborted first (then `abort` is a no-op). */
  get reason(): unknown {
    return this.failure !== undefined ? this.failure.reason : this.outer?.reason;
  }

  /** A real AbortSignal for blocks and waits, aborted with the run (made on first use). */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
      else if (this.outer !== undefined) {
        const controller = this.controller;
        const outer = toAbortSignal(this.outer);
        this.linked = outer;
        this.onOuterAbort = () => controller.abort(outer.reason);
        outer.addEventListener('abort', this.onOuterAbort, { once: true });
      }
    }
    return this.controller.signal;
  }

  /** Stops the run because of `reason` (a failed step); the first reason wins. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.failure = { reason };
    this.controller?.abort(reason);
  }

  /** Drops the link to the caller's signal once the run has ended. */
  dispose(): void {
    if (this.onOuterAbort !== undefined) this.linked?.removeEventListener('abort', this.onOuterAbort);
  }
}
