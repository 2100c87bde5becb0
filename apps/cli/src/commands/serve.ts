import { ExitCode, UsageError, type CliIo } from '../cli-io.js';
import { parseCommandArgs } from '../parse-command-args.js';

export const serveHelp = `Usage: flow serve [--host HOST] [--port PORT] [--plugin SPEC ...]

Starts the Roboflow-compatible HTTP server (POST /workflows/run and friends).

Options:
  --host HOST    Interface to listen on (default HOST or 127.0.0.1).
  --port PORT    Port (default PORT or 9001).
  --plugin SPEC  Load a block pack by module specifier; repeatable (also FLOW_PLUGINS=a,b).
  -h, --help     Show this help.

The server reads its limits from the environment; see apps/server/README.md.`;

export async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs<{ host?: string; port?: string }>('serve', args, {
    host: { type: 'string' },
    port: { type: 'string' },
  }, { count: 0, what: '' });
  if (values.help) {
    io.stdout.write(`${serveHelp}\n`);
    return ExitCode.ok;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`, 'serve');
  // Loaded on demand so the other commands never pay for the HTTP stack.
  const { startServer } = await import('@flow/server');
  const running = await startServer({ host: values.host, port, plugins: values.plugin ?? [], env: io.env });
  io.stderr.write(`flow serve: listening on ${running.url}\n`);
  return ExitCode.ok;
}
