import type { z } from 'zod';
import type { BlockDefinition, BlockOutputs } from '../block/define-block.js';
import type { WorkflowInputDefinition } from '../definition/definition-schema.js';

/** Where a step property's value comes from. */
export type ValueSource =
  | { from: 'literal'; value: unknown }
  | { from: 'input'; input: string; batch: boolean; lineage: string[] }
  | { from: 'step'; step: string; output: string; batch: boolean; lineage: string[] };

/**
 * Lineage of batch-oriented data (reference §6.3): one id per dimensionality level, `<workflow_input>` first,
 * then the step that made each nested level (`$steps.crop`). Scalars have the empty lineage.
 */
export const WORKFLOW_INPUT_LINEAGE = '<workflow_input>';

/** The key the executor files a lineage's index space under. */
export function lineageKey(lineage: readonly string[]): string {
  return lineage.join('\u0000');
}

/** A step property bound to one value, or to lists / dicts of values (selectors one level deep). */
export type PropertyBinding =
  | { property: string; shape: 'value'; source: ValueSource }
  | { property: string; shape: 'list'; items: ValueSource[] }
  | { property: string; shape: 'dict'; entries: Array<[string, ValueSource]> };

/** Every value source of a binding: the one value, the list items or the dict values. */
export function bindingSources(binding: PropertyBinding): ValueSource[] {
  if (binding.shape === 'value') return [binding.source];
  if (binding.shape === 'list') return binding.items;
  return binding.entries.map(([, source]) => source);
}

/** A `$inputs` parameter plugged into a property that also takes literals: checked at run time. */
export interface ParameterCheck {
  property: string;
  input: string;
  literal: z.ZodType;
}

export interface CompiledStep {
  name: string;
  /** The type id written in the definition (may be a legacy alias). */
  writtenType: string;
  block: BlockDefinition;
  pack: string;
  bindings: PropertyBinding[];
  /** Names of the steps this step reads from. */
  dependencies: string[];
  /** True when the step runs per batch element (some input is batch-oriented). */
  isBatch: boolean;
  outputs: BlockOutputs;
  parameterChecks: ParameterCheck[];
  /** Lineage of the elements the step runs over ([] when it runs once). */
  executionLineage: string[];
  /** Lineage of the step's outputs: the execution lineage, one level deeper (+1) or the same for -1. */
  outputLineage: string[];
  /** +1 when `run` returns a list of records per element (a nested batch). */
  outputDimensionalityOffset: -1 | 0 | 1;
  /** Names of the steps this flow-control step may continue with (empty for other steps). */
  flowTargets: string[];
  /** Flow-control steps that name this step as a branch: their decisions mask its elements. */
  controlledBy: string[];
}

export interface CompiledInput {
  definition: WorkflowInputDefinition;
  name: string;
  batch: boolean;
  /** Declared kinds (defaults by input type). */
  kinds: string[];
  /** `[]` for parameters, `<workflow_input>` plus one id per extra level for batch inputs. */
  lineage: string[];
}

export interface CompiledOutput {
  name: string;
  selector: string;
  source: ValueSource & { from: 'input' | 'step' };
  coordinatesSystem: 'own' | 'parent';
  /** Lineage of the value; outputs deeper than one level serialise as nested lists. */
  lineage: string[];
  /** Kinds of the value; for `$steps.s.*` one list per field. */
  kinds: string[] | Record<string, string[]>;
}

/** What `compile` produces: a checked, ordered plan that can run many times. */
export interface WorkflowPlan {
  definition: Record<string, unknown>;
  inputs: CompiledInput[];
  /** Steps in a topological order. */
  steps: CompiledStep[];
  outputs: CompiledOutput[];
  /** Kinds accepted for each input, from the properties that use it (describe_interface). */
  inputInterface: Record<string, string[]>;
}
