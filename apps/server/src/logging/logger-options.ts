import type { FastifyServerOptions } from 'fastify';
import { accessRequestFields } from './access-log.js';
import { maskApiKeysInText } from './mask.js';
import { redactSecrets } from './redact-secrets.js';

/** Anything pino can write JSON lines to (a stream, or a test's line collector). */
export interface LogDestination {
  write(line: string): void;
  /** Takes a line whose text is made later, when the destination writes its batch (in order with the rest). */
  writeLater?(line: DeferredLine): void;
}

/** A log line whose text is made only when it is written. */
export interface DeferredLine {
  toLine(): string;
}

/**
 * Pino settings: JSON lines with the request id as `request_id`; the Authorization header and `api_key`
 * fields redacted (`redactSecrets`); `api_key=` values masked in URLs, messages and error texts.
 */
export function createLoggerOptions(level: string, destination?: LogDestination): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    // `api_key`, `*.api_key` and `headers.authorization`/`cookie` masked; the `req` serializer drops headers.
    formatters: { log: redactSecrets },
    serializers: {
      req: accessRequestFields,
      err: (error: Error & { code?: string }) => ({
        type: error.name,
        message: maskApiKeysInText(error.message ?? ''),
        ...(error.code ? { code: error.code } : {}),
        // Stacks stay in the server's logs only; they never reach a client.
        stack: maskApiKeysInText(error.stack ?? ''),
      }),
    },
    hooks: {
      logMethod(args, method) {
        // Masks in place (pino hands over a fresh arguments array): no copy per log line.
        for (let index = 0; index < args.length; index++) {
          const arg: unknown = args[index];
          if (typeof arg === 'string') (args as unknown[])[index] = maskApiKeysInText(arg);
        }
        method.apply(this, args);
      },
    },
  };
}
