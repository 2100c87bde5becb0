import { writeSync } from 'node:fs';
import pino from 'pino';
import type { DeferredLine, LogDestination } from './logger-options.js';

/**
 * Where the server's log lines go when no destination is given: stdout (or `fd`, for tests).
 *
 * By default (`FLOW_LOG_SYNC=true`) lines are written by the server's own thread at the end of the
 * event-loop turn that made them: one `write(2)` for all the requests finished in that turn, none left
 * behind when the process exits, and a full pipe holds the server back instead of growing a buffer.
 * pino's default (`false`) writes from libuv's thread pool: every batch of lines goes to another thread
 * and back (futex wake-ups, under load about one per seven requests), and the last lines can be lost
 * when the process dies.
 */
export function stdoutDestination({ sync, fd = 1 }: { sync: boolean; fd?: number }): LogDestination {
  if (!sync) return pino.destination({ dest: fd, sync: false });
  let writer = turnWriters.get(fd);
  if (writer === undefined) {
    if (turnWriters.size === 0) process.on('exit', flushAll);
    turnWriters.set(fd, (writer = new TurnBatchedWriter(fd)));
  }
  return writer;
}

/** One per file descriptor, so servers in one process (tests) share it and exit flushes each once. */
const turnWriters = new Map<number, TurnBatchedWriter>();

function flushAll(): void {
  for (const writer of turnWriters.values()) writer.flush();
}

// How long to wait before writing again to a pipe that is full (EAGAIN), and how often before dropping.
const fullPipeWaitMs = 10;
const fullPipeAttempts = 500;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Collects the lines of one event-loop turn and writes them together, synchronously, when it ends. */
export class TurnBatchedWriter implements LogDestination {
  private pending: Array<string | DeferredLine> = [];
  private scheduled = false;
  private readonly flushNow = () => this.flush();

  constructor(private readonly fd: number) {}

  write(line: string): void {
    this.add(line);
  }

  writeLater(line: DeferredLine): void {
    this.add(line);
  }

  private add(line: string | DeferredLine): void {
    this.pending.push(line);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushNow);
    }
  }

  /** Writes every pending line now; `done` is for pino's `logger.flush(callback)`. */
  flush(done?: () => void): void {
    this.writePending();
    done?.();
  }

  private writePending(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    let text = '';
    for (const line of this.pending) text += typeof line === 'string' ? line : line.toLine();
    this.pending = [];
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    let attempts = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A non-blocking pipe that is full: wait for the reader, as long as it plausibly is still reading.
        if ((code === 'EAGAIN' || code === 'EBUSY') && ++attempts < fullPipeAttempts) {
          Atomics.wait(sleeper, 0, 0, fullPipeWaitMs);
          continue;
        }
        // The reader has gone (EPIPE) or the fd is unusable: the lines are dropped, never the server.
        return;
      }
    }
  }
}
