/** Counts the progress display shows. */
export interface BatchCounts {
  /** Images finished in this run (ok or failed), not counting skipped ones. */
  done: number;
  failed: number;
  /** Images already in the results file, not run again. */
  skipped: number;
  /** Images the listing holds; undefined while it is still being counted. */
  total: number | undefined;
  tokens: number;
}

export function formatDuration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${(milliseconds / 1000).toFixed(seconds < 10 ? 1 : 0)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** One status line: `412/10000 ok 410 failed 2 · 38.1/s · ETA 4m12s · 12,345 tokens`. */
export function describeProgress(counts: BatchCounts, elapsedMs: number): string {
  const finished = counts.done + counts.skipped;
  const rate = elapsedMs > 0 ? counts.done / (elapsedMs / 1000) : 0;
  const remaining = counts.total === undefined ? undefined : Math.max(0, counts.total - finished);
  const eta = remaining === undefined || rate === 0 ? '?' : formatDuration((remaining / rate) * 1000);
  const parts = [
    `${finished}/${counts.total ?? '?'}`,
    `failed ${counts.failed}`,
    ...(counts.skipped ? [`skipped ${counts.skipped}`] : []),
    `${rate.toFixed(1)}/s`,
    `ETA ${eta}`,
    `${counts.tokens.toLocaleString('en-US')} tokens`,
  ];
  return parts.join(' · ');
}

function bar(counts: BatchCounts, width: number): string {
  if (!counts.total) return `[${' '.repeat(width)}]`;
  const filled = Math.min(width, Math.round(((counts.done + counts.skipped) / counts.total) * width));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Shows progress on stderr: on a terminal a bar redrawn in place (at most ten times a second), otherwise
 * one plain line every `intervalMs` (default 5 s) so logs stay readable. Silent when `quiet`.
 */
export class ProgressReporter {
  private readonly started = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly counts: () => BatchCounts,
    private readonly options: { quiet: boolean; intervalMs?: number },
  ) {}

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  start(): void {
    if (this.options.quiet) return;
    const interval = this.stream.isTTY ? 1000 : (this.options.intervalMs ?? 5000);
    this.timer = setInterval(() => this.draw(true), interval);
    this.timer.unref();
  }

  /** Called after each image; redraws the bar when on a terminal. */
  update(): void {
    if (this.options.quiet || !this.stream.isTTY) return;
    if (performance.now() - this.lastDraw >= 100) this.draw(false);
  }

  /** A message that must not be overwritten by the bar (e.g. "stopping after running images"). */
  note(message: string): void {
    if (this.stream.isTTY && this.drawn) this.stream.write('\r\x1b[2K');
    this.stream.write(`${message}\n`);
    this.drawn = false;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.stream.isTTY && this.drawn) this.stream.write('\r\x1b[2K');
  }

  private draw(fromTimer: boolean): void {
    this.lastDraw = performance.now();
    const text = describeProgress(this.counts(), this.elapsedMs);
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${bar(this.counts(), 24)} ${text}`);
      this.drawn = true;
    } else if (fromTimer) {
      this.stream.write(`flow batch: ${text}\n`);
    }
  }
}
