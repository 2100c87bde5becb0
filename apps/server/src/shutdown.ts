import type { FastifyInstance } from 'fastify';

export interface ShutdownResult {
  /** True when runs were still going at the deadline and had to be aborted. */
  forced: boolean;
  durationMs: number;
}

const inProgress = new WeakMap<FastifyInstance, Promise<ShutdownResult>>();

/**
 * Stops the server gracefully: readiness turns 503, new runs and queued ones get 503 while runs in
 * progress may finish until `timeoutMs`; then the listener stops accepting. Past the deadline they are aborted (their
 * clients get 503) and remaining connections are closed. Calling it again returns the same promise.
 */
export function shutdownGracefully(app: FastifyInstance, { timeoutMs }: { timeoutMs: number }): Promise<ShutdownResult> {
  const existing = inProgress.get(app);
  if (existing) return existing;
  const started = performance.now();
  const { lifecycle, runSlots } = app.flow;
  lifecycle.draining = true;
  runSlots.close();
  app.log.info({ in_flight_runs: runSlots.inFlight, timeout_ms: timeoutMs }, 'shutting down: finishing runs in progress');
  let forced = false;
  const deadline = setTimeout(() => {
    forced = true;
    app.log.warn({ in_flight_runs: runSlots.inFlight }, 'shutdown deadline passed: aborting runs still in progress');
    lifecycle.abortRuns.abort(new Error('The server is shutting down.'));
    // Give aborted requests a moment to send their 503, then drop whatever connection is left.
    setTimeout(() => app.server.closeAllConnections?.(), 1000).unref();
  }, timeoutMs);
  deadline.unref();
  // Keep-alive connections that finish their last response during the drain would otherwise hold
  // close() open until they time out; responses also carry `Connection: close` while draining.
  const sweep = setInterval(() => app.server.closeIdleConnections?.(), 50);
  sweep.unref();
  // The listener stays open while runs finish, so probes get an answer (readiness 503, runs 503)
  // instead of a refused connection; it closes once the last run is done or the deadline passes.
  const drained = new Promise<void>((resolve) => {
    void runSlots.whenIdle().then(resolve);
    lifecycle.abortRuns.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const done = drained.then(() => app.close()).then(() => {
    clearTimeout(deadline);
    clearInterval(sweep);
    const result = { forced, durationMs: performance.now() - started };
    app.log.info({ forced, duration_ms: Math.round(result.durationMs) }, 'server stopped');
    return result;
  });
  inProgress.set(app, done);
  return done;
}
