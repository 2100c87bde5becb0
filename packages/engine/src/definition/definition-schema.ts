import { z } from 'zod';

/** A kind as written in a definition: its name, or the full kind object describe endpoints return. */
const kindReference = z.union([z.string(), z.looseObject({ name: z.string() })]).transform((kind) => (typeof kind === 'string' ? kind : kind.name));

const inputBase = {
  name: z.string().min(1).describe('Name used in `$inputs.<name>` selectors and in run requests.'),
  kind: z.array(kindReference).optional().describe('Kinds of the values this input takes.'),
};

export const imageInputSchema = z.object({
  type: z.enum(['WorkflowImage', 'InferenceImage']),
  ...inputBase,
  dimensionality: z.literal(1).default(1),
});

export const videoMetadataInputSchema = z.object({
  type: z.literal('WorkflowVideoMetadata'),
  ...inputBase,
  dimensionality: z.literal(1).default(1),
});

export const batchInputSchema = z.object({
  type: z.literal('WorkflowBatchInput'),
  ...inputBase,
  dimensionality: z.number().int().default(1),
});

export const parameterInputSchema = z.object({
  type: z.enum(['WorkflowParameter', 'InferenceParameter']),
  ...inputBase,
  default_value: z.unknown().optional(),
  dimensionality: z.literal(0).default(0),
});

export const workflowInputSchema = z.discriminatedUnion('type', [imageInputSchema, videoMetadataInputSchema, batchInputSchema, parameterInputSchema]);

export type WorkflowInputDefinition = z.output<typeof workflowInputSchema>;

export const workflowOutputSchema = z.object({
  type: z.literal('JsonField'),
  name: z.string().min(1),
  selector: z.string(),
  coordinates_system: z.enum(['own', 'parent']).default('parent'),
});

export type WorkflowOutputDefinition = z.output<typeof workflowOutputSchema>;

/** A step as parsed before its block is known: `type`, `name` and the block's own properties. */
export const stepEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  name: z.string().min(1),
});

/** The definition's outer shape; steps are checked against their blocks' manifests by the compiler. */
export const definitionEnvelopeSchema = z.looseObject({
  version: z.string().describe('Requested execution engine version, e.g. "1.0".'),
  inputs: z.array(z.unknown()),
  steps: z.array(z.unknown()),
  outputs: z.array(z.unknown()),
});

/** Batch-oriented input types (one value per element) and their default kinds. */
export function defaultInputKinds(input: WorkflowInputDefinition): string[] {
  if (input.kind && input.kind.length > 0) return input.kind;
  switch (input.type) {
    case 'WorkflowImage':
    case 'InferenceImage':
      return ['image'];
    case 'WorkflowVideoMetadata':
      return ['video_metadata'];
    default:
      return ['*'];
  }
}

export function isBatchInput(input: WorkflowInputDefinition): boolean {
  return input.type !== 'WorkflowParameter' && input.type !== 'InferenceParameter';
}
