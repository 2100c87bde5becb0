import type { FastifyInstance } from 'fastify';
import { PrecomputedJson, sendJson } from '../http/json-response.js';
import { healthResponseSchema } from '../schemas/response-schemas.js';
import type { ServerContext } from '../server-context.js';
import { buildOpenApiDocument } from './openapi.js';
import { addRoute } from './route-spec.js';

/** Liveness, readiness, Prometheus metrics and the OpenAPI document. */
export function registerOperationsRoutes(app: FastifyInstance, context: ServerContext, info: { version: string }): void {
  addRoute(
    app,
    context,
    {
      method: 'GET',
      url: '/healthz',
      operationId: 'healthz',
      summary: 'Liveness: the process answers',
      tags: ['Operations'],
      responses: { 200: { description: 'Alive.', schema: healthResponseSchema } },
    },
    async () => ({ status: 'ok' }),
  );

  addRoute(
    app,
    context,
    {
      method: 'GET',
      url: '/readyz',
      operationId: 'readyz',
      summary: 'Readiness: the server takes new runs',
      tags: ['Operations'],
      responses: { 200: { description: 'Ready.', schema: healthResponseSchema }, 503: { description: 'Shutting down.', schema: healthResponseSchema } },
    },
    async ({ reply }) => {
      if (context.lifecycle.draining) return reply.code(503).send({ status: 'shutting_down' });
      return { status: 'ready' };
    },
  );

  addRoute(
    app,
    context,
    {
      method: 'GET',
      url: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics: requests, latencies, step durations, errors, run slots, cache',
      tags: ['Operations'],
      responses: { 200: { description: 'Prometheus text exposition format.', contentType: 'text/plain' } },
    },
    async ({ reply }) => reply.header('content-type', context.metrics.registry.contentType).send(await context.metrics.registry.metrics()),
  );

  let document: PrecomputedJson | undefined;
  addRoute(
    app,
    context,
    {
      method: 'GET',
      url: '/openapi.json',
      operationId: 'openapi',
      summary: 'This document',
      tags: ['Operations'],
      responses: { 200: { description: 'OpenAPI 3.1 document generated from the request schemas.' } },
    },
    async ({ request, reply }) =>
      sendJson(
        request,
        reply,
        (document ??= new PrecomputedJson(
          buildOpenApiDocument(context.routes, {
            title: 'Flow workflows API',
            version: info.version,
            description: 'Roboflow-compatible workflow HTTP API (execution engine ' + context.engine.version + ').',
          }),
        )),
      ),
  );
}
