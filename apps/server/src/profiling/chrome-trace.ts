import type { StepEvent } from '@flow/engine';

/** One Chrome trace event (`chrome://tracing`, Perfetto): complete events with µs `ts`/`dur`. */
export interface ChromeTraceEvent {
  name: string;
  ph: 'X' | 'I';
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: Record<string, unknown>;
}

const toMicroseconds = (milliseconds: number) => Math.round(milliseconds * 1000);

/**
 * Collects one run's trace from the engine's step events, with the reference's event names
 * (`workflow_run`, `workflow_compilation`, `step_execution` with `args.step_selector`, §10).
 * Times are `performance.now()` based, so `ts` is monotonic µs as in the reference.
 */
export class RunTraceRecorder {
  private readonly events: ChromeTraceEvent[] = [];
  private readonly starts = new Map<string, number>();
  private readonly pid = process.pid;
  // Node runs blocks on one JS thread; steps overlap in time, which trace viewers show as nested slices.
  private readonly tid = 1;

  recordCompilation(startedAt: number, durationMs: number, cached: boolean): void {
    this.events.push({ name: 'workflow_compilation', ph: 'X', ts: toMicroseconds(startedAt), dur: toMicroseconds(durationMs), pid: this.pid, tid: this.tid, cat: 'execution_engine_operation', args: { cached } });
  }

  readonly onStepEvent = (event: StepEvent): void => {
    if (event.type === 'step-start') {
      this.starts.set(event.step, event.time);
      return;
    }
    const started = this.starts.get(event.step) ?? event.time - event.durationMs;
    this.events.push({
      name: 'step_execution',
      ph: 'X',
      ts: toMicroseconds(started),
      dur: toMicroseconds(event.durationMs),
      pid: this.pid,
      tid: this.tid,
      cat: 'workflow_block_operation',
      args: { step_selector: `$steps.${event.step}`, block_type: event.blockType, ok: event.ok },
    });
    if (!event.ok) this.events.push({ name: 'step_execution_error', ph: 'I', ts: toMicroseconds(event.time), pid: this.pid, tid: this.tid, args: { step_selector: `$steps.${event.step}` } });
  };

  /** The trace: `workflow_run` spanning the run, then compilation and step events in start order. */
  finish(runStartedAt: number, runEndedAt: number, args: Record<string, unknown> = {}): ChromeTraceEvent[] {
    const run: ChromeTraceEvent = { name: 'workflow_run', ph: 'X', ts: toMicroseconds(runStartedAt), dur: toMicroseconds(runEndedAt - runStartedAt), pid: this.pid, tid: this.tid, cat: 'execution_engine_operation', args };
    return [run, ...this.events.sort((left, right) => left.ts - right.ts)];
  }
}
