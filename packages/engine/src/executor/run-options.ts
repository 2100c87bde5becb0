import type { BlockLogger, UsageRecord } from '../block/block-context.js';
import type { InputLoaders } from './assemble-inputs.js';

/** A step starting or ending, for metrics and profiling. Times are `performance.now()` milliseconds. */
export type StepEvent =
  | { type: 'step-start'; step: string; blockType: string; time: number }
  | { type: 'step-end'; step: string; blockType: string; time: number; durationMs: number; ok: boolean };

/**
 * A cancellation source that makes its AbortSignal only when asked: a server that stops runs on a deadline or
 * a client leaving, and that would otherwise pay for an AbortController per request most runs never use.
 * `aborted` and `reason` must read as a signal's would; `toAbortSignal()` returns one signal, aborted with it.
 */
export interface LazyAbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  toAbortSignal(): AbortSignal;
}

/** The real AbortSignal of a signal or lazy signal source (a lazy one makes it now, once). */
export function toAbortSignal(source: AbortSignal | LazyAbortSignal): AbortSignal {
  return 'toAbortSignal' in source ? source.toAbortSignal() : source;
}

export interface RunOptions extends InputLoaders {
  /** Cancels the run; blocks see it through `context.signal`. */
  signal?: AbortSignal | LazyAbortSignal;
  /** Steps allowed to run at once (default 8, like the reference server). */
  maxConcurrentSteps?: number;
  /** Elements of one element-wise step allowed in flight at once (default 8). */
  elementConcurrency?: number;
  /** Services handed to blocks (`context.services`), e.g. a provider registry. */
  services?: Record<string, unknown>;
  logger?: BlockLogger;
  onUsage?: (usage: UsageRecord & { step: string }) => void;
  onStepEvent?: (event: StepEvent) => void;
}

/** One result record per batch element, keyed by output name; values are runtime values. */
export type WorkflowOutputs = Array<Record<string, unknown>>;
