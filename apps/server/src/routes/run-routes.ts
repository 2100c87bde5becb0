import type { FastifyInstance } from 'fastify';
import { fastParsePredefinedRun, fastParseSpecificationRun } from '../schemas/fast-run-body.js';
import { predefinedWorkflowRunSchema, savedWorkflowParamsSchema, workflowSpecificationRunSchema } from '../schemas/request-schemas.js';
import { messageBodySchema, validationErrorBodySchema, workflowErrorBodySchema, workflowRunResponseSchema } from '../schemas/response-schemas.js';
import type { ServerContext } from '../server-context.js';
import { addRoute, type RouteResponseSpec } from './route-spec.js';
import { runWorkflowRequest } from './run-workflow.js';

const runResponses: Record<number, RouteResponseSpec> = {
  200: { description: 'The workflow ran.', schema: workflowRunResponseSchema },
  400: { description: 'The definition does not compile, or a runtime input is unusable.', schema: workflowErrorBodySchema },
  413: { description: 'Too many images in one request, or the body is over the size limit.', schema: messageBodySchema },
  422: { description: 'The request body does not have the expected shape.', schema: validationErrorBodySchema },
  500: { description: 'A step failed (the body names the step and block), or an internal error.', schema: workflowErrorBodySchema },
  503: { description: 'All run slots are busy or the server is shutting down; retry after `Retry-After` seconds.', schema: messageBodySchema },
  504: { description: 'The run did not finish within the request timeout.', schema: messageBodySchema },
};

/** `POST /workflows/run`, its legacy alias, and the saved-workflow routes. */
export function registerRunRoutes(app: FastifyInstance, context: ServerContext): void {
  for (const [url, deprecated] of [['/workflows/run', false], ['/infer/workflows', true]] as const) {
    addRoute(
      app,
      context,
      {
        method: 'POST',
        url,
        operationId: deprecated ? 'runWorkflowLegacy' : 'runWorkflow',
        summary: 'Run a workflow definition sent in the request',
        tags: ['Workflows'],
        deprecated,
        body: workflowSpecificationRunSchema,
        fastBody: fastParseSpecificationRun,
        responses: runResponses,
      },
      async ({ body, request, reply }) => runWorkflowRequest(context, request, reply, { definition: body.specification, body, workflowId: body.workflow_id ?? undefined }),
    );
  }

  const savedResponses = { ...runResponses, 404: { description: 'No saved workflow by that name.', schema: messageBodySchema } };
  for (const [url, deprecated] of [['/:workspace/workflows/:workflow_id', false], ['/infer/workflows/:workspace/:workflow_id', true]] as const) {
    addRoute(
      app,
      context,
      {
        method: 'POST',
        url,
        operationId: deprecated ? 'runSavedWorkflowLegacy' : 'runSavedWorkflow',
        summary: 'Run a workflow saved on the server (FLOW_WORKFLOWS_DIR)',
        tags: ['Workflows'],
        deprecated,
        params: savedWorkflowParamsSchema,
        body: predefinedWorkflowRunSchema,
        fastBody: fastParsePredefinedRun,
        responses: savedResponses,
      },
      async ({ body, params, request, reply }) => {
        const definition = await context.savedWorkflows.load(params.workspace, params.workflow_id);
        return runWorkflowRequest(context, request, reply, { definition, body, workflowId: body.workflow_id ?? params.workflow_id });
      },
    );
  }
}
