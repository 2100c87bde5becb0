import { silentLogger, type BlockContext, type BlockLogger, type UsageRecord } from '../block/block-context.js';
import type { RunAbort } from './run-abort.js';
import type { RunOptions } from './run-options.js';

/**
 * What a block sees as `context` during one step. A class, not an object literal: a literal with its own
 * `get signal()` gets a fresh getter each run, so V8 gives every such object a new hidden class, linked from
 * the previous one by a transition that young-generation GCs treat as a strong reference. Everything the
 * getter's scope reached (the run's data, the caller's options, a server's whole request) then survived
 * into the old generation on every run: ~19 KB per run for a 19 KB object handed in as the logger.
 */
export class StepContext implements BlockContext {
  readonly logger: BlockLogger;
  readonly services: BlockContext['services'];
  readonly usage: StepUsage;
  readonly step: { name: string; type: string };

  constructor(
    private readonly abort: RunAbort,
    options: RunOptions,
    step: { name: string; type: string },
  ) {
    this.logger = options.logger ?? silentLogger;
    this.services = options.services ?? {};
    this.usage = new StepUsage(options.onUsage, step.name);
    this.step = step;
  }

  /** Made on first use (see RunAbort): most synchronous blocks never read it. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }
}

/** `context.usage`: model calls a block reports, tagged with the step that made them. */
class StepUsage {
  constructor(
    private readonly onUsage: RunOptions['onUsage'],
    private readonly stepName: string,
  ) {}

  record(usage: UsageRecord): void {
    this.onUsage?.({ ...usage, step: this.stepName });
  }
}
