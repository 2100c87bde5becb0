import type { BlockOutputValues } from '../block/define-block.js';
import { lineageKey, type CompiledStep, type PropertyBinding, type ValueSource } from '../compiler/compiled-workflow.js';
import { WorkflowError } from '../errors/workflow-error.js';
import type { AssembledInputs } from './assemble-inputs.js';
import type { IndexSpace } from './index-space.js';
import type { StepResult } from './step-result.js';

/** Reads one property of a step for an element of the step's execution level. */
export interface PropertyReader {
  property: string;
  /** True when some value comes from a step: a null there means "skip this element". */
  fromStep: boolean;
  /** True when the value is batch-oriented: an element masked out by flow control reads null. */
  batch: boolean;
  /** True for a list of selectors: a null item skips the element too. */
  checkItems: boolean;
  read(index: number): unknown;
  /** The value for an element masked out by flow control: batch-oriented parts null, scalars kept. */
  readMasked(index: number): unknown;
}

/**
 * Builds the readers of a step's properties once per run, so reading an element is an index lookup: data at
 * the step's level by index, data one level deeper (a property with dimensionality offset 1) as the list of
 * the element's children, scalars broadcast. Nulls inside such a list are dropped unless the block accepts
 * empty values (reference §6.5).
 */
export function makeReaders(step: CompiledStep, execution: IndexSpace, assembled: AssembledInputs, results: Map<string, StepResult>): PropertyReader[] {
  const keepEmpty = step.block.acceptsEmptyValues === true;
  const reader = (source: ValueSource) => makeSourceReader(step, source, execution, assembled, results, keepEmpty);
  const isBatch = (source: ValueSource) => source.from !== 'literal' && source.lineage.length > 0;
  return step.bindings.map((binding: PropertyBinding): PropertyReader => {
    if (binding.shape === 'value') {
      const read = reader(binding.source);
      return { property: binding.property, fromStep: binding.source.from === 'step', batch: isBatch(binding.source), checkItems: false, read, readMasked: isBatch(binding.source) ? () => null : read };
    }
    if (binding.shape === 'list') {
      const readers = binding.items.map(reader);
      return {
        property: binding.property,
        fromStep: binding.items.some((item) => item.from === 'step'),
        batch: binding.items.some(isBatch),
        checkItems: true,
        read: (index) => readers.map((read) => read(index)),
        readMasked: (index) => readers.map((read, position) => (isBatch(binding.items[position]!) ? null : read(index))),
      };
    }
    const readers = binding.entries.map(([key, item]) => [key, reader(item)] as const);
    return {
      property: binding.property,
      fromStep: binding.entries.some(([, item]) => item.from === 'step'),
      batch: binding.entries.some(([, item]) => isBatch(item)),
      checkItems: false,
      read: (index) => {
        const value: Record<string, unknown> = {};
        for (const [key, read] of readers) value[key] = read(index);
        return value;
      },
      readMasked: (index) => {
        const value: Record<string, unknown> = {};
        binding.entries.forEach(([key, item], position) => (value[key] = isBatch(item) ? null : readers[position]![1](index)));
        return value;
      },
    };
  });
}

function makeSourceReader(step: CompiledStep, source: ValueSource, execution: IndexSpace, assembled: AssembledInputs, results: Map<string, StepResult>, keepEmpty: boolean): (index: number) => unknown {
  if (source.from === 'literal') {
    const value = source.value;
    return () => value;
  }
  if (source.from === 'input' && source.lineage.length === 0) {
    const value = assembled.parameters.get(source.input);
    return () => value;
  }
  let at: (index: number) => unknown;
  if (source.from === 'input') {
    const elements = assembled.batches.get(source.input)!;
    at = (index) => elements[index];
  } else {
    const elements = results.get(source.step)!.elements;
    const output = source.output;
    at = output === '*' ? (index) => elements[index] ?? null : (index) => elements[index]?.[output] ?? null;
  }
  const depth = source.lineage.length;
  if (depth === 0) {
    const value = at(0);
    return () => value;
  }
  if (depth === execution.depth) return at;
  if (depth === execution.depth + 1) {
    const nested = assembled.spaces.get(lineageKey(source.lineage))!;
    return (index) => {
      const children = nested.childrenOf(index);
      const values: unknown[] = [];
      for (const child of children) {
        const value = at(child);
        if (keepEmpty || (value !== null && value !== undefined)) values.push(value);
      }
      return values;
    };
  }
  throw new WorkflowError({
    code: 'ENGINE_ASSUMPTION_FAILED',
    message: `Step \`${step.name}\` runs at dimensionality ${execution.depth} but reads data of dimensionality ${depth}; the compiler should have refused this workflow.`,
    errorType: 'ExecutionEngineRuntimeError',
    context: 'workflow_execution | step_input_assembling',
    status: 500,
  });
}

/** Builds the inputs of one element, or returns undefined when the element is skipped. */
export function readInputs(readers: PropertyReader[], index: number, acceptsEmpty: boolean, masked: boolean): Record<string, unknown> | undefined {
  const inputs: Record<string, unknown> = {};
  for (const reader of readers) {
    const value = masked ? reader.readMasked(index) : reader.read(index);
    if (!acceptsEmpty && (reader.fromStep || reader.batch)) {
      if (value === null || value === undefined) return undefined;
      if (reader.checkItems && (value as unknown[]).some((item) => item === null || item === undefined)) return undefined;
    }
    inputs[reader.property] = value;
  }
  return inputs;
}

export type { BlockOutputValues };
