import type { CompiledWorkflow } from '@flow/engine';

/**
 * Images a run request carries: the elements given for every batch input that takes images (a list counts
 * its items, a single value counts one; a batch input of dimensionality N counts the items of its lists nested
 * N deep). Counted before any image is decoded or fetched.
 */
export function countRequestImages(workflow: CompiledWorkflow, inputs: Record<string, unknown>): number {
  let count = 0;
  for (const input of workflow.plan.inputs) {
    if (!input.batch || !(input.kinds.includes('image') || input.kinds.includes('*'))) continue;
    const value = inputs[input.name];
    if (value === undefined || value === null) continue;
    count += countLeaves(value, Math.max(1, input.lineage?.length ?? 1));
  }
  return count;
}

function countLeaves(value: unknown, depth: number): number {
  if (!Array.isArray(value)) return 1;
  if (depth <= 1) return value.length;
  let count = 0;
  for (const item of value) count += countLeaves(item, depth - 1);
  return count;
}
