import type { DeserializeContext } from '@flow/kinds';
import type { BlockRegistry } from '../block/block-registry.js';
import type { CompiledInput, WorkflowPlan } from '../compiler/compiled-workflow.js';
import { RuntimeInputError } from '../errors/runtime-errors.js';

export interface InputLoaders {
  loadImageUrl?: DeserializeContext['loadImageUrl'];
  loadImageFile?: DeserializeContext['loadImageFile'];
}

export interface AssembledInputs {
  batchSize: number;
  /** Batch inputs: one value per element. */
  batches: Map<string, unknown[]>;
  /** Parameters: one value for all elements. */
  parameters: Map<string, unknown>;
}

/**
 * Turns the request's `inputs` object into runtime values (reference §6.1): the batch size comes from the
 * first batch input given as a list of more than one element; single values broadcast; each batch element
 * is deserialised by the first of its kinds that accepts it. Parameters take their default when absent.
 */
export async function assembleInputs(plan: WorkflowPlan, values: Record<string, unknown>, registry: BlockRegistry, loaders: InputLoaders): Promise<AssembledInputs> {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new RuntimeInputError({ input: 'inputs', message: '`inputs` must be an object mapping input names to values.' });
  }
  let batchSize = 1;
  for (const input of plan.inputs) {
    const value = ownValue(values, input.name);
    if (input.batch && Array.isArray(value) && value.length > 1) {
      batchSize = value.length;
      break;
    }
  }
  const batches = new Map<string, unknown[]>();
  const parameters = new Map<string, unknown>();
  const pending: Promise<void>[] = [];
  for (const input of plan.inputs) {
    if (!input.batch) {
      const definition = input.definition as { default_value?: unknown };
      parameters.set(input.name, Object.hasOwn(values, input.name) ? values[input.name] : (definition.default_value ?? null));
      continue;
    }
    const value = ownValue(values, input.name);
    if (value === undefined || value === null) {
      throw new RuntimeInputError({
        input: input.name,
        message: `Detected runtime parameter \`${input.name}\` defined as \`${input.definition.type}\` (of kind \`[${input.kinds.join(', ')}]\`), but value is not provided.`,
      });
    }
    const list = Array.isArray(value) ? value : [value];
    if (list.length !== 1 && list.length !== batchSize) {
      throw new RuntimeInputError({
        input: input.name,
        message: `Expected all batch-oriented workflow inputs to be the same length, or of length 1: \`${input.name}\` has ${list.length} elements while the batch has ${batchSize}.`,
      });
    }
    const elements = new Array<unknown>(batchSize);
    batches.set(input.name, elements);
    list.forEach((element, index) => {
      const elementId = Array.isArray(value) ? `${input.name}.[${index}]` : input.name;
      pending.push(
        deserializeElement(input, element, { elementId, ...loaders }, registry).then((deserialized) => {
          if (list.length === 1) elements.fill(deserialized);
          else elements[index] = deserialized;
        }),
      );
    });
  }
  await Promise.all(pending);
  return { batchSize, batches, parameters };
}

/** `values[name]` when the request gave it: an input named `constructor` must not find `Object`. */
function ownValue(values: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

async function deserializeElement(input: CompiledInput, value: unknown, context: DeserializeContext, registry: BlockRegistry): Promise<unknown> {
  if (value === null || value === undefined) {
    throw new RuntimeInputError({ input: context.elementId, message: `Input \`${context.elementId}\` is null; every element of a batch input needs a value.` });
  }
  const deserializers = input.kinds.map((name) => registry.kind(name)).filter((kind) => kind?.deserialize !== undefined);
  if (deserializers.length === 0) return value;
  const failures: string[] = [];
  for (const kind of deserializers) {
    try {
      return await kind!.deserialize!(value, context);
    } catch (error) {
      if (deserializers.length === 1) {
        throw new RuntimeInputError({ input: context.elementId, message: (error as Error).message.includes(`\`${context.elementId}\``) ? (error as Error).message : `Input \`${context.elementId}\` is not a valid ${kind!.name}: ${(error as Error).message}.`, cause: error });
      }
      failures.push(`${kind!.name}: ${(error as Error).message}`);
    }
  }
  throw new RuntimeInputError({
    input: context.elementId,
    message: `Failed to assemble \`${context.elementId}\`: no declared kind accepts the value. Details: ${failures.join('; ')}`,
  });
}
