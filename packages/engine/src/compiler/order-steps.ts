import type { CompiledStep } from './compiled-workflow.js';

/**
 * Kahn's algorithm in linear time: steps in an order where each comes after the steps it reads from,
 * stable (definition order among steps that are ready together), and the steps left over when some
 * sit on a cycle. A scan over all remaining steps per round would cost the square of a long chain.
 */
export function orderSteps(steps: readonly CompiledStep[]): { ordered: CompiledStep[]; cyclic: CompiledStep[] } {
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, CompiledStep[]>();
  for (const step of steps) {
    waitingOn.set(step.name, step.dependencies.length);
    for (const dependency of step.dependencies) {
      const list = dependents.get(dependency);
      if (list) list.push(step);
      else dependents.set(dependency, [step]);
    }
  }
  const ordered: CompiledStep[] = [];
  const ready: CompiledStep[] = steps.filter((step) => step.dependencies.length === 0);
  // `ready` is a queue read from the front; it only grows, so an index is enough.
  for (let next = 0; next < ready.length; next++) {
    const step = ready[next]!;
    ordered.push(step);
    for (const dependent of dependents.get(step.name) ?? []) {
      const left = waitingOn.get(dependent.name)! - 1;
      waitingOn.set(dependent.name, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (ordered.length === steps.length) return { ordered, cyclic: [] };
  const placed = new Set(ordered);
  return { ordered, cyclic: steps.filter((step) => !placed.has(step)) };
}
