import { z } from 'zod';
import type { BlockRegistry } from '../block/block-registry.js';
import { workflowInputSchema, workflowOutputSchema } from '../definition/definition-schema.js';
import { stepSchemaOf } from './describe-blocks.js';

/** JSON Schema of a whole workflow definition with every registered block as a step option. */
export function definitionJsonSchema(registry: BlockRegistry): Record<string, unknown> {
  const stepSchemas = registry.blocks.map(({ block }) => stepSchemaOf(block));
  const steps = stepSchemas.length === 0 ? z.array(z.never()) : stepSchemas.length === 1 ? z.array(stepSchemas[0]!) : z.array(z.discriminatedUnion('type', stepSchemas as [(typeof stepSchemas)[0], ...typeof stepSchemas]));
  const definition = z
    .object({
      version: z.string().describe('Requested execution engine version, e.g. "1.0".'),
      inputs: z.array(workflowInputSchema),
      steps,
      outputs: z.array(workflowOutputSchema),
    })
    .meta({ title: 'WorkflowSpecificationV1' });
  const schema = z.toJSONSchema(definition, { io: 'input', unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  schema.$defs ??= {};
  return schema;
}
