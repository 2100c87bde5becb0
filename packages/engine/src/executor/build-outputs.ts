import { Detections, toRootCoordinates } from '@flow/kinds';
import type { CompiledOutput, WorkflowPlan } from '../compiler/compiled-workflow.js';
import type { AssembledInputs } from './assemble-inputs.js';
import type { StepResult } from './run-workflow.js';
import type { WorkflowOutputs } from './run-options.js';

/**
 * Lays results out as the reference does (§7.1): one record per batch element when any output is
 * batch-oriented (scalar outputs copied into each), otherwise a single record. Batch outputs with
 * `coordinates_system: "parent"` have their detections moved to the input image's coordinates (§7.3).
 */
export function buildOutputs(plan: WorkflowPlan, assembled: AssembledInputs, results: Map<string, StepResult>): WorkflowOutputs {
  const anyBatch = plan.outputs.some((output) => output.source.batch);
  const count = anyBatch ? assembled.batchSize : 1;
  const records: WorkflowOutputs = [];
  for (let index = 0; index < count; index++) {
    const record: Record<string, unknown> = {};
    for (const output of plan.outputs) {
      const value = readOutput(output, index, assembled, results);
      record[output.name] = output.coordinatesSystem === 'parent' && output.source.batch ? inRootCoordinates(value) : value;
    }
    records.push(record);
  }
  return records;
}

function readOutput(output: CompiledOutput, index: number, assembled: AssembledInputs, results: Map<string, StepResult>): unknown {
  const source = output.source;
  if (source.from === 'input') {
    return source.batch ? (assembled.batches.get(source.input)![index] ?? null) : (assembled.parameters.get(source.input) ?? null);
  }
  const result = results.get(source.step);
  const record = result === undefined ? null : result.batch ? (result.elements[index] ?? null) : result.value;
  if (source.output !== '*') return record?.[source.output] ?? null;
  // `$steps.s.*`: all outputs as a dict; a skipped element gives the same keys with null values.
  const names = Object.keys(output.kinds as Record<string, string[]>);
  return Object.fromEntries(names.map((name) => [name, record?.[name] ?? null]));
}

function inRootCoordinates(value: unknown): unknown {
  if (value instanceof Detections) return toRootCoordinates(value);
  if (Array.isArray(value)) return value.map(inRootCoordinates);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inRootCoordinates(item)]));
  }
  return value;
}
