import { z } from 'zod';

// Request bodies of the reference server (§8.2). Unknown keys are accepted and ignored, as pydantic does,
// so newer clients keep working.

const apiKey = z.string().nullish().describe('Roboflow-style API key; `Authorization: Bearer <key>` overrides it. Never required by Flow itself.');

export const workflowRunBaseSchema = z.looseObject({
  api_key: apiKey,
  inputs: z.record(z.string(), z.unknown()).describe('A value for each declared input: images as {"type": "base64" | "url", "value": ...}, a data URL, or a list of those for a batch.'),
  excluded_fields: z.array(z.string()).nullish().describe('Output names to drop from every result.'),
  enable_profiling: z.boolean().default(false).describe('Return a Chrome trace in `profiler_trace`; honoured only when the server runs with FLOW_ENABLE_PROFILING=true.'),
  debug: z.boolean().default(false).describe('Accepted for compatibility; Flow has no inline Python blocks to debug.'),
  workflow_id: z.string().nullish().describe('Identifier for logs and metrics; echoed as X-Workflow-Id.'),
  disable_sinks: z.boolean().default(false).describe('Accepted for compatibility; Flow has no sink blocks yet.'),
});

export const workflowSpecificationRunSchema = workflowRunBaseSchema
  .extend({
    specification: z.record(z.string(), z.unknown()).describe('The workflow definition: {version, inputs, steps, outputs}.'),
    is_preview: z.boolean().default(false),
  })
  .meta({ id: 'WorkflowSpecificationInferenceRequest' });

export const predefinedWorkflowRunSchema = workflowRunBaseSchema
  .extend({
    use_cache: z.boolean().default(true).describe('Accepted for compatibility; saved definitions are read from FLOW_WORKFLOWS_DIR on every request.'),
    workflow_version_id: z.string().nullish(),
  })
  .meta({ id: 'PredefinedWorkflowInferenceRequest' });

export const validateBodySchema = z.record(z.string(), z.unknown()).describe('The raw workflow definition.').meta({ id: 'WorkflowDefinition' });

export const describeInterfaceSchema = z
  .looseObject({
    api_key: apiKey,
    specification: z.record(z.string(), z.unknown()).describe('The workflow definition to describe.'),
  })
  .meta({ id: 'WorkflowInterfaceRequest' });

export const savedDescribeInterfaceSchema = z
  .looseObject({
    api_key: apiKey,
    use_cache: z.boolean().default(true),
    workflow_version_id: z.string().nullish(),
  })
  .meta({ id: 'PredefinedWorkflowInterfaceRequest' });

export const blocksDescribeBodySchema = z
  .looseObject({
    api_key: apiKey,
    dynamic_blocks_definitions: z.array(z.unknown()).default([]).describe('Must be empty: inline Python blocks are refused.'),
    execution_engine_version: z.string().nullish().describe('Blocks are listed only when this engine version satisfies it.'),
  })
  .meta({ id: 'DescribeBlocksRequest' });

export const blocksDescribeQuerySchema = z.looseObject({
  air_gapped: z.enum(['true', 'false', 'True', 'False', '1', '0']).optional().describe('Accepted for compatibility; every Flow block runs air-gapped.'),
  api_key: z.string().optional(),
});

export const dynamicOutputsBodySchema = z
  .looseObject({
    type: z.string().describe('Block type identifier or alias.'),
    name: z.string().optional(),
  })
  .describe('One step manifest, as it would appear in `steps`.')
  .meta({ id: 'StepManifest' });

export const savedWorkflowParamsSchema = z.object({
  workspace: z.string().describe('Workspace name: a sub-folder of FLOW_WORKFLOWS_DIR (or any, for definitions at its top).'),
  workflow_id: z.string().describe('Saved workflow name: `<workflow_id>.json`.'),
});

export type WorkflowRunBase = z.output<typeof workflowRunBaseSchema>;
