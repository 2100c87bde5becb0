import pino from 'pino';
import type { LogDestination } from './logger-options.js';

/**
 * Where the server's log lines go when no destination is given: stdout (or `fd`, for tests).
 *
 * Synchronous by default (`FLOW_LOG_SYNC`): each line is one `write(2)` before the call returns, so a line
 * is never lost when the process dies and a full pipe holds the server back instead of growing a buffer.
 * pino's own default writes from libuv's thread pool; that hands every batch of lines to another thread
 * and back, which on a two-core machine cost the server ~10% of its requests per second (`pnpm bench`).
 */
export function stdoutDestination({ sync, fd = 1 }: { sync: boolean; fd?: number }): LogDestination {
  return pino.destination({ dest: fd, sync });
}
