import type { z } from 'zod';
import type { BlockDefinition, BlockOutputs } from '../block/define-block.js';
import type { WorkflowInputDefinition } from '../definition/definition-schema.js';

/** Where a step property's value comes from. */
export type ValueSource =
  | { from: 'literal'; value: unknown }
  | { from: 'input'; input: string; batch: boolean }
  | { from: 'step'; step: string; output: string; batch: boolean };

/** A step property bound to one value, or to lists / dicts of values (selectors one level deep). */
export type PropertyBinding =
  | { property: string; shape: 'value'; source: ValueSource }
  | { property: string; shape: 'list'; items: ValueSource[] }
  | { property: string; shape: 'dict'; entries: Array<[string, ValueSource]> };

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
}

export interface CompiledInput {
  definition: WorkflowInputDefinition;
  name: string;
  batch: boolean;
  /** Declared kinds (defaults by input type). */
  kinds: string[];
}

export interface CompiledOutput {
  name: string;
  selector: string;
  source: ValueSource & { from: 'input' | 'step' };
  coordinatesSystem: 'own' | 'parent';
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
