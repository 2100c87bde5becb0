import { Detections, toRootCoordinates } from '@flow/kinds';
import { lineageKey, WORKFLOW_INPUT_LINEAGE, type CompiledOutput, type WorkflowPlan } from '../compiler/compiled-workflow.js';
import type { AssembledInputs } from './assemble-inputs.js';
import type { IndexSpace } from './index-space.js';
import type { StepResult } from './step-result.js';
import type { WorkflowOutputs } from './run-options.js';

/**
 * Lays results out as the reference does (§7.1): one record per input batch element when any output descends
 * from the input batch (scalar outputs copied into each), otherwise a single record. Nested outputs become
 * nested lists, with empty lists where flow control or an empty parent left nothing; outputs of a batch that
 * a step made from scalars (an emergent batch) go whole into every record. Batch outputs with
 * `coordinates_system: "parent"` have their detections moved to the input image's coordinates (§7.3).
 */
export function buildOutputs(plan: WorkflowPlan, assembled: AssembledInputs, results: Map<string, StepResult>): WorkflowOutputs {
  const aligned = plan.outputs.some((output) => output.lineage[0] === WORKFLOW_INPUT_LINEAGE);
  const count = aligned ? assembled.batchSize : 1;
  const readers = plan.outputs.map((output) => outputReader(output, assembled, results));
  const toRoot = plan.outputs.map((output) => output.coordinatesSystem === 'parent' && output.lineage.length > 0 && mayHoldDetections(output.kinds));
  const records: WorkflowOutputs = [];
  for (let index = 0; index < count; index++) {
    const record: Record<string, unknown> = {};
    plan.outputs.forEach((output, position) => {
      const value = readers[position]!(index);
      record[output.name] = toRoot[position] ? inRootCoordinates(value) : value;
    });
    records.push(record);
  }
  return records;
}

/** Reads an output's value for one record: a leaf, or the nested lists under that record's element. */
function outputReader(output: CompiledOutput, assembled: AssembledInputs, results: Map<string, StepResult>): (record: number) => unknown {
  const leaf = leafReader(output, assembled, results);
  const lineage = output.lineage;
  if (lineage.length === 0) {
    const value = leaf(0);
    return () => value;
  }
  // Levels from the first batch level down to the output's own.
  const levels: IndexSpace[] = [];
  for (let depth = 1; depth <= lineage.length; depth++) levels.push(assembled.spaces.get(lineageKey(lineage.slice(0, depth)))!);
  const nest = (level: number, index: number): unknown =>
    level === levels.length - 1 ? leaf(index) : levels[level + 1]!.childrenOf(index).map((child) => nest(level + 1, child));
  if (lineage[0] === WORKFLOW_INPUT_LINEAGE) return (record) => nest(0, record);
  const whole = levels[0]!.childrenOf(0).map((child) => nest(0, child));
  return () => whole;
}

function leafReader(output: CompiledOutput, assembled: AssembledInputs, results: Map<string, StepResult>): (index: number) => unknown {
  const source = output.source;
  if (source.from === 'input') {
    if (!source.batch) {
      const value = assembled.parameters.get(source.input) ?? null;
      return () => value;
    }
    const elements = assembled.batches.get(source.input)!;
    return (index) => elements[index] ?? null;
  }
  const elements = results.get(source.step)?.elements ?? [];
  if (source.output !== '*') {
    const name = source.output;
    return (index) => elements[index]?.[name] ?? null;
  }
  // `$steps.s.*`: all outputs as a dict; a skipped element gives the same keys with null values.
  const names = Object.keys(output.kinds as Record<string, string[]>);
  return (index) => {
    const record = elements[index];
    return Object.fromEntries(names.map((name) => [name, record?.[name] ?? null]));
  };
}

const detectionKinds = new Set(['object_detection_prediction', 'instance_segmentation_prediction', 'keypoint_detection_prediction', '*']);

/** Only outputs whose kinds may hold detections are walked for `coordinates_system: "parent"`. */
function mayHoldDetections(kinds: CompiledOutput['kinds']): boolean {
  const names = Array.isArray(kinds) ? kinds : Object.values(kinds).flat();
  return names.some((name) => detectionKinds.has(name));
}

/** Detections anywhere in lists and plain objects moved to root coordinates; untouched parts are not copied. */
function inRootCoordinates(value: unknown): unknown {
  if (value instanceof Detections) return toRootCoordinates(value);
  if (Array.isArray(value)) {
    let changed: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = inRootCoordinates(value[index]);
      if (item !== value[index]) (changed ??= [...value])[index] = item;
    }
    return changed ?? value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let changed: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const moved = inRootCoordinates(item);
      if (moved !== item) (changed ??= { ...value })[key] = moved;
    }
    return changed ?? value;
  }
  return value;
}
