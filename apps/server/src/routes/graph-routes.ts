import { buildWorkflowGraph, renderMermaid } from '@flow/engine';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validateBodySchema } from '../schemas/request-schemas.js';
import { validationErrorBodySchema, workflowErrorBodySchema } from '../schemas/response-schemas.js';
import type { ServerContext } from '../server-context.js';
import { addRoute } from './route-spec.js';
import { resolveApiKey, scrubberFor } from './run-workflow.js';

/** `POST /workflows/graph`: the body `/workflows/validate` takes, answered with the workflow's DAG as Mermaid text. */
export function registerGraphRoutes(app: FastifyInstance, context: ServerContext): void {
  addRoute(
    app,
    context,
    {
      method: 'POST',
      url: '/workflows/graph',
      operationId: 'workflowGraph',
      summary: 'The DAG of a definition as a Mermaid flowchart',
      description: 'The body is the raw definition, as for /workflows/validate. Answers Mermaid text: inputs, steps (name and block), outputs, and edges labelled with the property they feed.',
      tags: ['Workflows'],
      body: validateBodySchema,
      responses: {
        200: { description: 'A Mermaid flowchart.', contentType: 'text/vnd.mermaid', schema: z.string() },
        400: { description: 'The definition does not compile.', schema: workflowErrorBodySchema },
        422: { description: 'The request body does not have the expected shape.', schema: validationErrorBodySchema },
      },
    },
    async ({ body, request, reply }) => {
      scrubberFor(request, resolveApiKey(request, undefined));
      const { workflow } = context.cache.get(body);
      return reply.header('content-type', 'text/vnd.mermaid; charset=utf-8').send(renderMermaid(buildWorkflowGraph(workflow.plan)));
    },
  );
}
