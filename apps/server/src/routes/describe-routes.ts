import { checkRequestedVersion, resolveBlockOutputs, WorkflowCompilationError, type CompilationProblem } from '@flow/engine';
import { describeKind } from '@flow/kinds';
import type { FastifyInstance } from 'fastify';
import { PrecomputedJson, sendJson } from '../http/json-response.js';
import {
  blocksDescribeBodySchema,
  blocksDescribeQuerySchema,
  describeInterfaceSchema,
  dynamicOutputsBodySchema,
  savedDescribeInterfaceSchema,
  savedWorkflowParamsSchema,
  validateBodySchema,
} from '../schemas/request-schemas.js';
import {
  blocksDescribeResponseSchema,
  definitionSchemaResponseSchema,
  describeInterfaceResponseSchema,
  dynamicOutputsResponseSchema,
  messageBodySchema,
  validateResponseSchema,
  validationErrorBodySchema,
  versionsResponseSchema,
  workflowErrorBodySchema,
} from '../schemas/response-schemas.js';
import type { ServerContext } from '../server-context.js';
import { addRoute } from './route-spec.js';
import { scrubberFor } from './run-workflow.js';

const errorResponses = {
  400: { description: 'The definition does not compile.', schema: workflowErrorBodySchema },
  422: { description: 'The request body does not have the expected shape.', schema: validationErrorBodySchema },
};

/** Validate, describe_interface, the blocks catalogue, the definition schema, dynamic outputs and versions. */
export function registerDescribeRoutes(app: FastifyInstance, context: ServerContext): void {
  const { engine } = context;
  // These answers depend only on the registered packs: serialise (and gzip) them once.
  let blocksDescription: PrecomputedJson | undefined;
  let blocksDescriptionWithoutBlocks: PrecomputedJson | undefined;
  let definitionSchema: PrecomputedJson | undefined;
  const describeAll = () => (blocksDescription ??= new PrecomputedJson(engine.describeBlocks()));
  const describeNone = () => (blocksDescriptionWithoutBlocks ??= new PrecomputedJson({ ...engine.describeBlocks(), blocks: [] }));

  addRoute(
    app,
    context,
    {
      method: 'POST',
      url: '/workflows/validate',
      operationId: 'validateWorkflow',
      summary: 'Compile a definition without running it',
      description: 'The body is the raw definition. Answers {"status": "ok"} or the compile error.',
      tags: ['Workflows'],
      body: validateBodySchema,
      responses: { 200: { description: 'The definition compiles.', schema: validateResponseSchema }, ...errorResponses },
    },
    async ({ body, request }) => {
      scrubberFor(request, undefined);
      context.cache.get(body);
      return { status: 'ok' };
    },
  );

  addRoute(
    app,
    context,
    {
      method: 'POST',
      url: '/workflows/describe_interface',
      operationId: 'describeWorkflowInterface',
      summary: 'Kinds of the inputs and outputs of a definition',
      tags: ['Workflows'],
      body: describeInterfaceSchema,
      responses: { 200: { description: 'The interface.', schema: describeInterfaceResponseSchema }, ...errorResponses },
    },
    async ({ body, request, reply }) => {
      scrubberFor(request, body.api_key);
      return sendJson(request, reply, context.cache.get(body.specification).workflow.describeInterface());
    },
  );

  addRoute(
    app,
    context,
    {
      method: 'POST',
      url: '/:workspace/workflows/:workflow_id/describe_interface',
      operationId: 'describeSavedWorkflowInterface',
      summary: 'Kinds of the inputs and outputs of a saved workflow',
      tags: ['Workflows'],
      params: savedWorkflowParamsSchema,
      body: savedDescribeInterfaceSchema,
      bodyOptional: true,
      responses: { 200: { description: 'The interface.', schema: describeInterfaceResponseSchema }, 404: { description: 'No saved workflow by that name.', schema: messageBodySchema }, ...errorResponses },
    },
    async ({ body, params, request, reply }) => {
      scrubberFor(request, body.api_key);
      const definition = await context.savedWorkflows.load(params.workspace, params.workflow_id);
      return sendJson(request, reply, context.cache.get(definition).workflow.describeInterface());
    },
  );

  const describeResponses = { 200: { description: 'Every registered block, kind and connection (gzipped when accepted).', schema: blocksDescribeResponseSchema } };
  addRoute(
    app,
    context,
    {
      method: 'GET',
      url: '/workflows/blocks/describe',
      operationId: 'describeBlocksGet',
      summary: 'The blocks catalogue',
      tags: ['Blocks'],
      deprecated: true,
      query: blocksDescribeQuerySchema,
      responses: describeResponses,
    },
    async ({ request, reply }) => sendJson(request, reply, describeAll()),
  );

  addRoute(
    app,
    context,
    {
      method: 'POST',
      url: '/workflows/blocks/describe',
      operationId: 'describeBlocks',
      summary: 'The blocks catalogue, for an engine version',
      tags: ['Blocks'],
      query: blocksDescribeQuerySchema,
      body: blocksDescribeBodySchema,
      bodyOptional: true,
      responses: { ...describeResponses, 400: { description: '`dynamic_blocks_definitions` is not empty.', schema: workflowErrorBodySchema }, 422: errorResponses[422] },
    },
    async ({ body, request, reply }) => {
      // The engine refuses inline Python blocks; let it say so in its own words.
      if (body.dynamic_blocks_definitions.length > 0) engine.compile({ version: engine.version, inputs: [], steps: [], outputs: [], dynamic_blocks_definitions: body.dynamic_blocks_definitions });
      const version = body.execution_engine_version;
      // Like the reference: an engine version no block supports lists no blocks, with status 200.
      if (version && !checkRequestedVersion(version).ok) return sendJson(request, reply, describeNone());
      return sendJson(request, reply, describeAll());
    },
  );

  addRoute(
    app,
    context,
    {
      method: 'GET',
      url: '/workflows/definition/schema',
      operationId: 'definitionSchema',
      summary: 'JSON Schema of a workflow definition over the registered blocks',
      tags: ['Blocks'],
      responses: { 200: { description: 'The schema (gzipped when accepted).', schema: definitionSchemaResponseSchema } },
    },
    async ({ request, reply }) => sendJson(request, reply, (definitionSchema ??= new PrecomputedJson({ schema: engine.definitionSchema() }))),
  );

  addRoute(
    app,
    context,
    {
      method: 'POST',
      url: '/workflows/blocks/dynamic_outputs',
      operationId: 'dynamicOutputs',
      summary: 'Outputs of one configured step',
      description: 'The body is one step manifest; the answer lists its outputs and their kinds (they may depend on the manifest, as for lmm@v1).',
      tags: ['Blocks'],
      body: dynamicOutputsBodySchema,
      responses: { 200: { description: 'The outputs.', schema: dynamicOutputsResponseSchema }, ...errorResponses },
    },
    async ({ body }) => describeStepOutputs(context, body),
  );

  addRoute(
    app,
    context,
    {
      method: 'GET',
      url: '/workflows/execution_engine/versions',
      operationId: 'executionEngineVersions',
      summary: 'Execution engine versions this server runs',
      tags: ['Workflows'],
      responses: { 200: { description: 'The versions.', schema: versionsResponseSchema } },
    },
    async () => ({ versions: [engine.version] }),
  );
}

/** Parses a step manifest like the compiler does and resolves its outputs. */
function describeStepOutputs(context: ServerContext, manifest: { type: string; name?: string | undefined } & Record<string, unknown>) {
  const { type, name = 'step', ...properties } = manifest;
  const problem = (message: string, property: string | null): CompilationProblem => ({
    code: 'INVALID_STEP',
    errorType: 'WorkflowSyntaxError',
    context: 'workflow_compilation | workflow_definition_parsing',
    status: 400,
    step: name,
    blockType: type,
    property,
    message,
  });
  const registered = context.engine.registry.find(type);
  if (!registered) throw new WorkflowCompilationError([problem(`Step "${name}" uses unknown block type "${type}".`, 'type')]);
  const parsed = registered.block.manifest.safeParse(properties);
  if (!parsed.success) {
    throw new WorkflowCompilationError(
      parsed.error.issues.map((issue) => problem(`Step "${name}" (${type}) has an invalid ${issue.path.length ? `property "${issue.path.join('.')}"` : 'manifest'}: ${issue.message}.`, issue.path.length ? String(issue.path[0]) : null)),
    );
  }
  let outputs;
  try {
    outputs = resolveBlockOutputs(registered.block, parsed.data);
  } catch (error) {
    throw new WorkflowCompilationError([problem(`Step "${name}" (${type}) cannot describe its outputs: ${(error as Error).message}.`, null)]);
  }
  return Object.entries(outputs).map(([outputName, kinds]) => ({ name: outputName, kind: kinds.map(describeKind) }));
}
