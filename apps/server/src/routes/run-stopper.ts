import type { ServerResponse } from 'node:http';
import type { LazyAbortSignal } from '@flow/engine';
import { HttpError } from '../errors/http-errors.js';
import { ServerBusyError } from '../limits/run-slots.js';

/** The client went away before the answer was ready; nobody is left to answer. */
export class ClientDisconnectedError extends Error {
  constructor() {
    super('The client closed the connection before the run finished.');
    this.name = 'ClientDisconnectedError';
  }
}

/** Anything that can stop a run in progress; the server keeps a set of them for a forced shutdown. */
export interface StoppableRun {
  shutdown(): void;
}

const stopperOfResponse = Symbol('flow.runStopper');
type ResponseWithStopper = ServerResponse & { [stopperOfResponse]?: RunStopper };

/** The reason a finished run's signal is aborted with: one shared Error, no stack captured per request. */
const runEnded = new Error('The run has ended.');

/**
 * Stops one run: on its deadline, when the client leaves, or on a forced shutdown. It is the run's signal
 * source (the engine's `LazyAbortSignal`): a real AbortController is made only when something needs one
 * (an async block, an image download, a wait for a run slot). Most runs never do, and on Node 20 a
 * controller plus its abort cost ~10 µs a request.
 *
 * One object with methods and module-level listeners, no closures: V8 gives all closures of a function one
 * shared scope, so a closure made in the request handler would hold the whole request for as long as
 * anything holds the closure.
 */
export class RunStopper implements LazyAbortSignal, StoppableRun {
  private controller: AbortController | undefined;
  private stopError: Error | undefined;
  private rejectRun: ((error: Error) => void) | undefined;
  private readonly deadline: NodeJS.Timeout;

  constructor(
    private readonly response: ServerResponse,
    private readonly runs: Set<StoppableRun>,
    private readonly timeoutMs: number,
  ) {
    this.deadline = setTimeout(stopOnDeadline, timeoutMs, this);
    (response as ResponseWithStopper)[stopperOfResponse] = this;
    response.once('close', stopOnClose);
    runs.add(this);
  }

  get aborted(): boolean {
    return this.stopError !== undefined;
  }

  /** Why the run was stopped (an HTTP error, a disconnect or a shutdown), once it was. */
  get reason(): Error | undefined {
    return this.stopError;
  }

  toAbortSignal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.stopError !== undefined) this.controller.abort(this.stopError);
    }
    return this.controller.signal;
  }

  stop(error: Error): void {
    if (this.stopError !== undefined) return;
    this.stopError = error;
    this.controller?.abort(error);
    this.rejectRun?.(error);
  }

  /** The request timeout passed: the answer is a 504. */
  timeOut(): void {
    this.stop(new HttpError(504, `The workflow run did not finish within ${this.timeoutMs} ms (FLOW_REQUEST_TIMEOUT_MS).`));
  }

  shutdown(): void {
    this.stop(new ServerBusyError('shutting-down'));
  }

  /** Settles with the run, or as soon as the run is stopped (a block may ignore its signal). */
  race<T>(run: Promise<T>): Promise<T> {
    if (this.stopError !== undefined) return Promise.reject(this.stopError);
    return new Promise<T>((resolve, reject) => {
      this.rejectRun = reject;
      run.then(resolve, reject);
    });
  }

  /** The answer is decided: nothing stops the run from now on (its deadline, listener and registration go). */
  detach(): void {
    clearTimeout(this.deadline);
    this.response.off('close', stopOnClose);
    // Cleared, not deleted: a delete would turn Node's response object into a slow dictionary-mode object.
    (this.response as ResponseWithStopper)[stopperOfResponse] = undefined;
    this.runs.delete(this);
    this.rejectRun = undefined;
  }

  /** The run has really ended: work it started and left behind (image downloads) is aborted, if it ever had a signal. */
  end(): void {
    if (this.controller !== undefined && !this.controller.signal.aborted) this.controller.abort(runEnded);
  }
}

function stopOnDeadline(stopper: RunStopper): void {
  stopper.timeOut();
}

function stopOnClose(this: ResponseWithStopper): void {
  if (!this.writableFinished) this[stopperOfResponse]?.stop(new ClientDisconnectedError());
}
