import type { CompiledWorkflow } from '@flow/engine';

/**
 * Images a run request carries: the elements given for every batch input that takes images (a list counts
 * its items, a single value counts one). Counted before any image is decoded or fetched.
 */
export function countRequestImages(workflow: CompiledWorkflow, inputs: Record<string, unknown>): number {
  let count = 0;
  for (const input of workflow.plan.inputs) {
    if (!input.batch || !(input.kinds.includes('image') || input.kinds.includes('*'))) continue;
    const value = inputs[input.name];
    if (value === undefined || value === null) continue;
    count += Array.isArray(value) ? value.length : 1;
  }
  return count;
}
