import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerMetrics } from '../metrics/server-metrics.js';
import { writeAccessLine } from './access-log.js';

// Probes and scrapes every few seconds would drown the request log; they are still counted.
const quietPaths = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Fastify's per-request log lines, as ours: every answered request is counted (`flow_http_requests_total`,
 * its duration) and, outside the probe and scrape paths, logged as one `request completed` line
 * (`writeAccessLine`); at `debug`, arrivals are logged too. Fastify calls these for every request whatever
 * the route, so no onRequest/onResponse hook (and Fastify's hook runner around it) is needed for them.
 */
export class RequestLogController extends LogController {
  constructor(private readonly metrics: ServerMetrics) {
    // Fastify's own request lines stay off; `requestCompleted` below writes ours.
    super({ requestIdLogLabel: 'request_id', disableRequestLogging: true });
  }

  override incomingRequest(request: FastifyRequest): void {
    const level = request.log.level;
    if ((level === 'debug' || level === 'trace') && !quietPaths.has(request.url)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    this.metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    if (!quietPaths.has(request.url)) writeAccessLine(request.log, request, reply);
  }
}
