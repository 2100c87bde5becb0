import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

// Below this size gzip saves less than its own framing costs.
const minimumGzipBytes = 1024;

/** A JSON body serialised once, with its gzip form made on first demand; for responses that never change. */
export class PrecomputedJson {
  readonly text: Buffer;
  private gzipped: Buffer | undefined;

  constructor(value: unknown) {
    this.text = Buffer.from(JSON.stringify(value));
  }

  gzip(): Buffer {
    return (this.gzipped ??= gzipSync(this.text));
  }
}

function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b(?!;q=0(?:\.0*)?(?:,|$))/i.test(header);
}

/**
 * Sends JSON, gzipped when the client accepts it (the reference gzips describe responses, §8.1).
 * `Vary: Accept-Encoding` keeps caches from serving one form to the other kind of client.
 */
export function sendJson(request: FastifyRequest, reply: FastifyReply, body: unknown, status = 200): FastifyReply {
  const json = body instanceof PrecomputedJson ? body : new PrecomputedJson(body);
  reply.code(status).header('content-type', 'application/json; charset=utf-8').header('vary', 'Accept-Encoding');
  if (json.text.length >= minimumGzipBytes && acceptsGzip(request)) {
    return reply.header('content-encoding', 'gzip').send(json.gzip());
  }
  return reply.send(json.text);
}
