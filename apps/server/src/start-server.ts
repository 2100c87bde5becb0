import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createServer, type CreateServerOptions } from './create-server.js';
import { shutdownGracefully, type ShutdownResult } from './shutdown.js';

export interface StartServerOptions extends CreateServerOptions {
  /** Interface to listen on; default `HOST` or 127.0.0.1. */
  host?: string;
  /** Port; default `PORT` or 9001 (0 picks a free one). */
  port?: number;
  /** Signals that start a graceful shutdown; `false` installs no handler. Default SIGTERM and SIGINT. */
  signals?: readonly NodeJS.Signals[] | false;
  /** Called with the exit code once a signal-started shutdown is over; default `process.exit`. */
  exit?: (code: number) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  /** `http://host:port` the server listens on. */
  url: string;
  /** Graceful shutdown, as on SIGTERM, without exiting the process. */
  close(): Promise<ShutdownResult>;
}

/**
 * Creates the server, listens, and on SIGTERM/SIGINT shuts down gracefully and exits 0 (a second signal
 * aborts runs still in progress at once). `flow serve` calls this.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const app = await createServer(options);
  const { config } = app.flow;
  await app.listen({ host: options.host ?? config.host, port: options.port ?? config.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const close = () => shutdownGracefully(app, { timeoutMs: config.shutdownTimeoutMs });

  const signals = options.signals === false ? [] : (options.signals ?? (['SIGTERM', 'SIGINT'] as const));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const onSignal = (signal: NodeJS.Signals) => {
    if (app.flow.lifecycle.draining) {
      app.log.warn({ signal }, 'second signal: aborting runs in progress now');
      app.flow.lifecycle.abortRuns.abort(new Error('The server is shutting down.'));
      return;
    }
    app.log.info({ signal }, 'signal received');
    close().then(
      () => {
        for (const name of signals) process.off(name, onSignal);
        exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  const blocks = app.flow.engine.registry.blocks;
  const packs = new Set(blocks.map((entry) => entry.pack)).size;
  app.log.info({ url, packs, blocks: blocks.length }, `Flow server listening on ${url} (${packs} block pack${packs === 1 ? '' : 's'}, ${blocks.length} block${blocks.length === 1 ? '' : 's'})`);
  return { app, url, close };
}
