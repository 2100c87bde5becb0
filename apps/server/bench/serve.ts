// The server under test, in its own process like in production, from its built package (`@flow/server`).
// Started by bench/index.ts with --expose-gc and an IPC channel: it prints its URL, answers "memory"
// messages after a full GC and "cpu" messages with its CPU time so far.
import { startServer } from '@flow/server';

const running = await startServer({
  port: 0,
  signals: ['SIGTERM'],
  // Production defaults (LOG_LEVEL=info: a line per request), with enough run slots for 64 connections.
  env: { LOG_LEVEL: 'info', ...process.env, FLOW_MAX_CONCURRENT_RUNS: '256', FLOW_MAX_QUEUED_RUNS: '1024', FLOW_METRICS_DEFAULT: 'false' },
});

process.on('message', (message) => {
  if (message === 'cpu') return void process.send?.({ cpu: process.cpuUsage() });
  if (message !== 'memory') return;
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send?.({ rss, heapUsed });
});
process.send?.({ url: running.url });
