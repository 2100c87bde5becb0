import type { DeserializeContext } from '@flow/kinds';
import type { BlockRegistry } from '../block/block-registry.js';
import { lineageKey, WORKFLOW_INPUT_LINEAGE, type CompiledInput, type WorkflowPlan } from '../compiler/compiled-workflow.js';
import { RuntimeInputError } from '../errors/runtime-errors.js';
import { IndexSpace } from './index-space.js';

export interface InputLoaders {
  loadImageUrl?: DeserializeContext['loadImageUrl'];
  loadImageFile?: DeserializeContext['loadImageFile'];
}

export interface AssembledInputs {
  batchSize: number;
  /** Batch inputs: one value per element of the input's deepest level, flattened in order. */
  batches: Map<string, unknown[]>;
  /** Index spaces by lineage key: level 0 (scalar), the input batch, and nested input levels. */
  spaces: Map<string, IndexSpace>;
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
  const scalar = IndexSpace.scalar();
  const root = IndexSpace.nested(scalar, [batchSize]);
  const spaces = new Map<string, IndexSpace>([
    [lineageKey([]), scalar],
    [lineageKey([WORKFLOW_INPUT_LINEAGE]), root],
  ]);
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
    const outer = Array.isArray(value) ? value : [value];
    if (outer.length !== 1 && outer.length !== batchSize) {
      throw new RuntimeInputError({
        input: input.name,
        message: `Expected all batch-oriented workflow inputs to be the same length, or of length 1: \`${input.name}\` has ${outer.length} elements while the batch has ${batchSize}.`,
      });
    }
    const list = outer.length === 1 && batchSize > 1 ? new Array<unknown>(batchSize).fill(outer[0]) : outer;
    const leaves = flattenNested(input, list, Array.isArray(value), spaces, root);
    const elements = new Array<unknown>(leaves.length);
    batches.set(input.name, elements);
    const cache = new Map<unknown, Promise<unknown>>();
    leaves.forEach(({ value: element, id }, index) => {
      // A broadcast element is deserialised once.
      let deserialized = cache.get(element);
      if (!deserialized) {
        deserialized = deserializeElement(input, element, { elementId: id, ...loaders }, registry);
        if (typeof element === 'object' && element !== null) cache.set(element, deserialized);
      }
      pending.push(deserialized.then((result) => void (elements[index] = result)));
    });
  }
  await Promise.all(pending);
  return { batchSize, batches, parameters, spaces };
}

/**
 * The leaves of a batch input of dimensionality N (lists nested N-1 deep under the outer list), with the index
 * space of every nested level registered under the input's lineage.
 */
function flattenNested(input: CompiledInput, outer: unknown[], given: boolean, spaces: Map<string, IndexSpace>, root: IndexSpace): Array<{ value: unknown; id: string }> {
  let level: Array<{ value: unknown; id: string }> = outer.map((value, index) => ({ value, id: given ? `${input.name}.[${index}]` : input.name }));
  let parent = root;
  for (let depth = 2; depth <= input.lineage.length; depth++) {
    const next: Array<{ value: unknown; id: string }> = [];
    const counts = new Int32Array(level.length);
    level.forEach(({ value, id }, index) => {
      if (!Array.isArray(value)) {
        throw new RuntimeInputError({ input: id, message: `Input \`${id}\` must be a list: \`${input.name}\` is declared with dimensionality ${input.lineage.length}, so its value nests lists ${input.lineage.length} deep.` });
      }
      counts[index] = value.length;
      value.forEach((item, position) => next.push({ value: item, id: `${id}.[${position}]` }));
    });
    parent = IndexSpace.nested(parent, counts);
    spaces.set(lineageKey(input.lineage.slice(0, depth)), parent);
    level = next;
  }
  return level;
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
