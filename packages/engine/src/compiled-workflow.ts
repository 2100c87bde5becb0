import { describeKind } from '@flow/kinds';
import { z } from 'zod';
import type { BlockRegistry } from './block/block-registry.js';
import type { WorkflowPlan } from './compiler/compiled-workflow.js';
import { runWorkflow } from './executor/run-workflow.js';
import type { RunOptions, WorkflowOutputs } from './executor/run-options.js';
import { serializeOutputs } from './executor/serialize-outputs.js';

/** Input and output kinds of a workflow, in the reference's describe_interface shape (§8.4). */
export interface WorkflowInterface {
  inputs: Record<string, string[]>;
  outputs: Record<string, string[] | Record<string, string[]>>;
  typing_hints: Record<string, string>;
  kinds_schemas: Record<string, unknown>;
}

/** A checked workflow, ready to run any number of times. */
export class CompiledWorkflow {
  constructor(
    readonly plan: WorkflowPlan,
    private readonly registry: BlockRegistry,
    private readonly runDefaults: RunOptions = {},
  ) {}

  /** Names of the declared inputs, in definition order. */
  get inputNames(): string[] {
    return this.plan.inputs.map((input) => input.name);
  }

  get outputNames(): string[] {
    return this.plan.outputs.map((output) => output.name);
  }

  /** Runs the workflow; returns one record of runtime values per batch element. */
  run(inputs: Record<string, unknown>, options: RunOptions = {}): Promise<WorkflowOutputs> {
    return runWorkflow(this.plan, this.registry, inputs, { ...this.runDefaults, ...options });
  }

  /** The reference JSON form of `run`'s result (what `POST /workflows/run` puts in `outputs`). */
  serialize(outputs: WorkflowOutputs): Array<Record<string, unknown>> {
    return serializeOutputs(this.plan, outputs, this.registry);
  }

  /** Kinds of the inputs (as used by the steps) and of the outputs, with typing hints and wire schemas. */
  describeInterface(): WorkflowInterface {
    const outputs: WorkflowInterface['outputs'] = {};
    for (const output of this.plan.outputs) outputs[output.name] = output.kinds;
    const used = new Set<string>();
    for (const kinds of Object.values(this.plan.inputInterface)) kinds.forEach((kind) => used.add(kind));
    for (const kinds of Object.values(outputs)) (Array.isArray(kinds) ? kinds : Object.values(kinds).flat()).forEach((kind) => used.add(kind));
    const typingHints: Record<string, string> = {};
    const kindsSchemas: Record<string, unknown> = {};
    for (const name of used) {
      const kind = this.registry.kind(name);
      if (!kind) continue;
      typingHints[name] = describeKind(kind).serialised_data_type;
      if (kind.schema) kindsSchemas[name] = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' });
    }
    return { inputs: { ...this.plan.inputInterface }, outputs, typing_hints: typingHints, kinds_schemas: kindsSchemas };
  }
}
