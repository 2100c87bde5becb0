import { z } from 'zod';

// Response bodies, for /openapi.json only: responses are built by the engine and not re-validated.

const chromeTraceEvent = z.looseObject({
  name: z.string(),
  ph: z.string(),
  ts: z.number(),
  dur: z.number().optional(),
  pid: z.number(),
  tid: z.number(),
  cat: z.string().optional(),
  args: z.record(z.string(), z.unknown()).optional(),
});

export const workflowRunResponseSchema = z
  .object({
    outputs: z.array(z.record(z.string(), z.unknown())).describe('One record per input batch element, keyed by output name.'),
    profiler_trace: z.array(chromeTraceEvent).describe('Chrome trace events; empty unless profiling was enabled and requested.'),
  })
  .meta({ id: 'WorkflowInferenceResponse' });

const blockErrorSchema = z.object({
  block_id: z.string().nullable(),
  block_type: z.string().nullable(),
  block_details: z.unknown().nullable(),
  property_name: z.string().nullable(),
  property_details: z.string().nullable(),
  block_traceback: z.unknown().nullable(),
});

export const workflowErrorBodySchema = z
  .object({
    message: z.string(),
    error_type: z.string(),
    context: z.string(),
    inner_error_type: z.string().nullable(),
    inner_error_message: z.string(),
    blocks_errors: z.array(blockErrorSchema).nullable().optional(),
    python_blocks_output_streams: z.null().optional(),
    python_blocks_debug_traces: z.null().optional(),
  })
  .meta({ id: 'WorkflowErrorResponse', description: 'A workflow error (reference §5.3): compile problems, bad runtime inputs, step failures.' });

export const messageBodySchema = z.object({ message: z.string() }).meta({ id: 'MessageResponse' });

export const validationErrorBodySchema = z
  .object({
    detail: z.array(z.object({ type: z.string(), loc: z.array(z.union([z.string(), z.number()])), msg: z.string() })),
  })
  .meta({ id: 'HTTPValidationError', description: 'The request body does not have the expected shape (FastAPI-style 422).' });

export const validateResponseSchema = z.object({ status: z.literal('ok') });

export const versionsResponseSchema = z.object({ versions: z.array(z.string()) });

export const describeInterfaceResponseSchema = z
  .object({
    inputs: z.record(z.string(), z.array(z.string())),
    outputs: z.record(z.string(), z.union([z.array(z.string()), z.record(z.string(), z.array(z.string()))])),
    typing_hints: z.record(z.string(), z.string()),
    kinds_schemas: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'DescribeInterfaceResponse' });

const kindSchema = z.looseObject({ name: z.string(), description: z.string().nullable().optional() });

export const blocksDescribeResponseSchema = z
  .looseObject({
    blocks: z.array(z.record(z.string(), z.unknown())),
    declared_kinds: z.array(kindSchema),
    kinds_connections: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
    primitives_connections: z.array(z.record(z.string(), z.unknown())),
  })
  .meta({ id: 'WorkflowsBlocksDescription' });

export const dynamicOutputsResponseSchema = z.array(z.object({ name: z.string(), kind: z.array(kindSchema) }));

export const definitionSchemaResponseSchema = z.object({ schema: z.record(z.string(), z.unknown()) });

export const healthResponseSchema = z.object({ status: z.string() });
