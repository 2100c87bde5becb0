import type { WorkflowPlan } from '@flow/engine';
import { textKinds } from '../commands/run.js';

/** Inputs whose every kind (declared, or else as used by the steps) is textual. */
export function textInputNames(plan: WorkflowPlan): Set<string> {
  return new Set(
    plan.inputs
      .filter((input) => {
        const kinds = input.definition.kind?.length ? input.kinds : (plan.inputInterface[input.name] ?? []);
        return kinds.length > 0 && kinds.every((kind) => textKinds.has(kind));
      })
      .map((input) => input.name),
  );
}

/** Batch-oriented image inputs (`WorkflowImage`), in definition order. */
export function imageInputNames(plan: WorkflowPlan): string[] {
  return plan.inputs.filter((input) => input.batch && input.kinds.includes('image')).map((input) => input.name);
}
