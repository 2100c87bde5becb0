import type { CompiledWorkflow } from '@flow/engine';
import { HttpError } from '../errors/http-errors.js';

/**
 * Sizes of a definition checked before it is compiled: compiling is synchronous CPU work that grows
 * with the definition, so a request may not choose it without bound. 413 names the setting.
 */
export function checkDefinitionSize(definition: Record<string, unknown>, maxSteps: number): void {
  for (const section of ['steps', 'inputs', 'outputs'] as const) {
    const items = definition[section];
    if (Array.isArray(items) && items.length > maxSteps) {
      throw new HttpError(413, `The definition has ${items.length} ${section}; this server accepts at most ${maxSteps} (FLOW_MAX_STEPS).`);
    }
  }
}

/** Elements of every batch input, checked before any is decoded: each one costs a run of each batch step. */
export function checkBatchSize(workflow: CompiledWorkflow, inputs: Record<string, unknown>, maxBatchSize: number): void {
  for (const input of workflow.plan.inputs) {
    if (!input.batch || !Object.hasOwn(inputs, input.name)) continue;
    const value = inputs[input.name];
    if (Array.isArray(value) && value.length > maxBatchSize) {
      throw new HttpError(413, `Input \`${input.name}\` has ${value.length} batch elements; this server accepts at most ${maxBatchSize} (FLOW_MAX_BATCH_SIZE).`);
    }
  }
}

/** The request deadline also covers synchronous work (compiling, serialising): past it the answer is 504. */
export function checkDeadline(startedAt: number, timeoutMs: number): void {
  if (performance.now() - startedAt > timeoutMs) {
    throw new HttpError(504, `The workflow run did not finish within ${timeoutMs} ms (FLOW_REQUEST_TIMEOUT_MS).`);
  }
}
