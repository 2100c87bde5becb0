import { EVERY_ITEM, markFloatFields, serializeValue } from '@flow/kinds';
import type { BlockRegistry } from '../block/block-registry.js';
import { WORKFLOW_INPUT_LINEAGE, type CompiledOutput, type WorkflowPlan } from '../compiler/compiled-workflow.js';
import { WorkflowError } from '../errors/workflow-error.js';
import type { WorkflowOutputs } from './run-options.js';

/**
 * Turns runtime outputs into the reference JSON (§7.2). For each value the serialisers of its kinds are
 * tried in order and the first that succeeds wins; when some kind has no serialiser the value passes
 * through as plain JSON; when all kinds have one and all fail, that is an engine error.
 */
export function serializeOutputs(plan: WorkflowPlan, outputs: WorkflowOutputs, registry: BlockRegistry): Array<Record<string, unknown>> {
  const floatOutputs = plan.outputs.filter((output) => isFloatKinded(output.kinds, registry)).map((output) => output.name);
  return outputs.map((record) => {
    const serialized: Record<string, unknown> = {};
    for (const output of plan.outputs) serialized[output.name] = serializeNested(record[output.name], listDepth(output), output, registry);
    if (floatOutputs.length > 0) markFloatOutputs(serialized, floatOutputs);
    return serialized;
  });
}

/** An output whose every kind is a float kind (`float`, `float_zero_to_one`): printed as `2.0` by `stringifyJson`. */
function isFloatKinded(kinds: CompiledOutput['kinds'], registry: BlockRegistry): boolean {
  return Array.isArray(kinds) && kinds.length > 0 && kinds.every((name) => registry.kind(name)?.serialisedDataType === 'float');
}

function markFloatOutputs(record: Record<string, unknown>, names: readonly string[]): void {
  markFloatFields(record, names);
  for (const name of names) markFloatLists(record[name]);
}

/** Nested batches of float outputs are lists of numbers: every number in them is a float. */
function markFloatLists(value: unknown): void {
  if (!Array.isArray(value)) return;
  markFloatFields(value, [EVERY_ITEM]);
  for (const item of value) markFloatLists(item);
}

/** How many list levels wrap an output's values in a record: nested batches are nested lists (§7.1). */
function listDepth(output: CompiledOutput): number {
  const depth = output.lineage.length;
  return output.lineage[0] === WORKFLOW_INPUT_LINEAGE ? depth - 1 : depth;
}

function serializeNested(value: unknown, depth: number, output: CompiledOutput, registry: BlockRegistry): unknown {
  if (depth > 0 && Array.isArray(value)) return value.map((item) => serializeNested(item, depth - 1, output, registry));
  if (Array.isArray(output.kinds)) return serializeWithKinds(value, output.kinds, output.name, registry);
  if (value !== null && typeof value === 'object') {
    const fields: Record<string, unknown> = {};
    for (const [field, item] of Object.entries(value)) fields[field] = serializeWithKinds(item, output.kinds[field] ?? ['*'], `${output.name}.${field}`, registry);
    return fields;
  }
  return value ?? null;
}

function serializeWithKinds(value: unknown, kinds: readonly string[], where: string, registry: BlockRegistry): unknown {
  if (value === null || value === undefined) return null;
  let someKindHasNoSerializer = false;
  const failures: string[] = [];
  for (const name of kinds) {
    const kind = registry.kind(name);
    if (!kind?.serialize) {
      someKindHasNoSerializer = true;
      continue;
    }
    try {
      return kind.serialize(value);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (someKindHasNoSerializer) return serializeValue(value);
  throw new WorkflowError({
    code: 'OUTPUT_SERIALIZATION_FAILED',
    message: `Requested workflow output serialization, but output \`${where}\` cannot be serialized by any of its kinds (${failures.join('; ')}).`,
    errorType: 'ExecutionEngineRuntimeError',
    context: 'workflow_execution | output_construction',
    status: 500,
  });
}
