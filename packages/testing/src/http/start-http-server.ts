import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface RunningHttpServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Stops listening and drops open connections so tests never hang on close. Safe to call twice. */
  close(): Promise<void>;
}

/** Starts a `node:http` server on 127.0.0.1 with an OS-chosen port. Shared by every fake in this package. */
export async function startHttpServer(listener: RequestListener): Promise<RunningHttpServer> {
  const server = createServer((request, response) => {
    Promise.resolve(listener(request, response)).catch((error: unknown) => {
      // A bug in a fake must surface as a 500, not as a hung request.
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`fake server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    // Idempotent, so a test may stop a fake early (to simulate an outage) and still clean up in afterEach.
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}
