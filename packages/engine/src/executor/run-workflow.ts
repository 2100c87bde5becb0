import type { BlockRegistry } from '../block/block-registry.js';
import type { BlockContext } from '../block/block-context.js';
import { isBatchBlock, type BlockOutputValues } from '../block/define-block.js';
import { isFlowControl } from '../block/flow-control.js';
import { lineageKey, type CompiledStep, type WorkflowPlan } from '../compiler/compiled-workflow.js';
import { WorkflowError } from '../errors/workflow-error.js';
import { BlockContractError, RuntimeInputError, StepExecutionError, WorkflowAbortedError } from '../errors/runtime-errors.js';
import { assembleInputs, type AssembledInputs } from './assemble-inputs.js';
import { forEachIndex, isPromiseLike, Semaphore } from './concurrency.js';
import { buildOutputs } from './build-outputs.js';
import { IndexSpace } from './index-space.js';
import { makeReaders, readInputs } from './step-inputs.js';
import { RunAbort } from './run-abort.js';
import { StepContext } from './step-context.js';
import type { StepResult } from './step-result.js';
import type { RunOptions, WorkflowOutputs } from './run-options.js';

export type { StepResult } from './step-result.js';

/**
 * Runs a compiled plan. Steps start as soon as the steps they read from are done; element-wise steps run
 * their elements concurrently; the first failure aborts the rest of the run.
 */
export async function runWorkflow(plan: WorkflowPlan, registry: BlockRegistry, inputValues: Record<string, unknown>, options: RunOptions = {}): Promise<WorkflowOutputs> {
  const outerSignal = options.signal;
  if (outerSignal?.aborted) throw new WorkflowAbortedError(outerSignal.reason);
  const abort = new RunAbort(outerSignal);
  try {
    const assembled = await assembleInputs(plan, inputValues, registry, options);
    checkParameters(plan, assembled);
    const results = new Map<string, StepResult>();
    const stepSlots = new Semaphore(Math.max(1, options.maxConcurrentSteps ?? 8));
    const running = new Map<string, Promise<void>>();
    let firstFailure: unknown;
    for (const step of plan.steps) {
      const dependencies = step.dependencies.map((name) => running.get(name)!);
      const done = Promise.all(dependencies).then(async () => {
        await stepSlots.acquire();
        try {
          if (abort.aborted) throw new WorkflowAbortedError(abort.reason);
          results.set(step.name, await runStep(step, assembled, results, abort, options));
        } catch (error) {
          firstFailure ??= error;
          abort.abort(error);
          throw error;
        } finally {
          stepSlots.release();
        }
      });
      running.set(step.name, done);
    }
    try {
      await Promise.all(running.values());
    } catch {
      if (outerSignal?.aborted) throw new WorkflowAbortedError(outerSignal.reason);
      throw firstFailure;
    }
    return buildOutputs(plan, assembled, results);
  } finally {
    abort.dispose();
  }
}

function checkParameters(plan: WorkflowPlan, assembled: AssembledInputs): void {
  for (const step of plan.steps) {
    for (const check of step.parameterChecks) {
      const result = check.literal.safeParse(assembled.parameters.get(check.input));
      if (!result.success) {
        const detail = result.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ');
        throw new RuntimeInputError({
          input: check.input,
          message: `Provided input is incompatible with manifest of step ${step.name} regarding property ${check.property} provided in input parameter named ${check.input}: ${detail}.`,
          cause: result.error,
        });
      }
    }
  }
}

async function runStep(step: CompiledStep, assembled: AssembledInputs, results: Map<string, StepResult>, abort: RunAbort, options: RunOptions): Promise<StepResult> {
  const block = step.block;
  const started = performance.now();
  options.onStepEvent?.({ type: 'step-start', step: step.name, blockType: block.type, time: started });
  const context: BlockContext = new StepContext(abort, options, { name: step.name, type: block.type });
  let ok = false;
  try {
    const execution = assembled.spaces.get(lineageKey(step.executionLineage))!;
    const count = execution.size;
    const readers = makeReaders(step, execution, assembled, results);
    const acceptsEmpty = block.acceptsEmptyValues === true;
    const mask = branchMask(step, execution, results);
    // An element masked out by flow control reaches the block (with null batch inputs) only when the block
    // accepts empty values and has batch inputs to null; otherwise it is skipped.
    const masksSkip = !acceptsEmpty || !readers.some((reader) => reader.batch);
    const produced = new Array<unknown>(count).fill(null);
    if (mask !== false) {
      const inputsOf = (index: number) => {
        const masked = mask !== undefined && mask[index] === 0;
        return masked && masksSkip ? undefined : readInputs(readers, index, acceptsEmpty, masked);
      };
      if (isBatchBlock(block)) {
        const kept: number[] = [];
        const rows: Array<Record<string, unknown>> = [];
        for (let index = 0; index < count; index++) {
          const inputs = inputsOf(index);
          if (inputs) {
            kept.push(index);
            rows.push(inputs);
          }
        }
        if (rows.length > 0) {
          const batchInputs: Record<string, unknown> = { ...rows[0] };
          for (const property of block.batchParameters) batchInputs[property] = rows.map((row) => row[property]);
          const returned = await untilAborted(block.run(batchInputs, context), abort);
          if (!Array.isArray(returned) || returned.length !== rows.length) {
            throw new BlockContractError({ step: step.name, blockType: block.type, message: `Step \`${step.name}\` (${block.type}) returned ${Array.isArray(returned) ? `${returned.length} results` : 'no list'} for a batch of ${rows.length}.` });
          }
          for (let position = 0; position < rows.length; position++) produced[kept[position]!] = returned[position];
        }
      } else {
        await forEachIndex(count, Math.max(1, options.elementConcurrency ?? 8), abort, (index) => {
          const inputs = inputsOf(index);
          if (!inputs) return;
          const returned = block.run(inputs, context);
          if (isPromiseLike(returned)) return untilAborted(returned, abort).then((value) => void (produced[index] = value));
          produced[index] = returned;
        });
        if (abort.aborted) throw new WorkflowAbortedError(abort.reason);
      }
    }
    const result = collectResults(step, execution, produced);
    if (step.outputDimensionalityOffset > 0) assembled.spaces.set(lineageKey(step.outputLineage), result.space);
    ok = true;
    return result;
  } catch (error) {
    if (error instanceof WorkflowError) throw error;
    if (abort.aborted && isAbortError(error)) throw new WorkflowAbortedError(abort.reason);
    throw new StepExecutionError({ step: step.name, blockType: block.type, cause: error });
  } finally {
    const ended = performance.now();
    options.onStepEvent?.({ type: 'step-end', step: step.name, blockType: block.type, time: ended, durationMs: ended - started, ok });
  }
}

/**
 * The elements of this step that the flow-control steps naming it let through (reference §6.4): undefined
 * when no decision applies, false when a scalar decision (or a decision never made) stops the step, else 1
 * per selected element. Only direct targets are masked; steps further down see nulls and skip themselves.
 */
function branchMask(step: CompiledStep, execution: IndexSpace, results: Map<string, StepResult>): Uint8Array | false | undefined {
  let mask: Uint8Array | undefined;
  for (const controller of step.controlledBy) {
    const decided = results.get(controller)!;
    const selected = decided.decisions?.get(step.name);
    if (!selected) return false;
    if (decided.space.depth === 0) {
      if (selected[0] === 0) return false;
      continue;
    }
    mask ??= new Uint8Array(execution.size).fill(1);
    const ancestors = execution.ancestorIndices(execution.depth - decided.space.depth);
    for (let index = 0; index < mask.length; index++) if (selected[ancestors[index]!] === 0) mask[index] = 0;
  }
  return mask;
}

/**
 * Checks what the block returned per element and lays it out: records at the execution level, a nested level
 * for a step with output offset +1 (one list of records per element), branch decisions for flow control.
 */
function collectResults(step: CompiledStep, execution: IndexSpace, produced: unknown[]): StepResult {
  const expected = Object.keys(step.outputs);
  if (step.outputDimensionalityOffset > 0) {
    const counts = new Int32Array(produced.length);
    const elements: Array<BlockOutputValues | null> = [];
    for (let index = 0; index < produced.length; index++) {
      const list = produced[index];
      if (list === null || list === undefined) continue;
      if (!Array.isArray(list)) {
        throw new BlockContractError({ step: step.name, blockType: step.block.type, message: `Step \`${step.name}\` (${step.block.type}) has output dimensionality offset 1 and must return a list of output records per element; got ${typeof list}.` });
      }
      for (const record of list) {
        checkOutputs(step, record, expected);
        elements.push(record);
      }
      counts[index] = list.length;
    }
    return { space: IndexSpace.nested(execution, counts), elements };
  }
  const elements = produced as Array<BlockOutputValues | null>;
  if (step.flowTargets.length === 0) {
    for (const record of elements) {
      if (record === null || record === undefined) continue;
      if (isFlowControl(record)) {
        throw new BlockContractError({ step: step.name, blockType: step.block.type, message: `Step \`${step.name}\` (${step.block.type}) returned a flow-control decision, but the block has no step-selector property naming the steps it may continue with; declare them with \`stepSelector()\`.` });
      }
      checkOutputs(step, record, expected);
    }
    return { space: execution, elements };
  }
  const decisions = new Map(step.flowTargets.map((target) => [target, new Uint8Array(execution.size)]));
  const emptyRecord = Object.fromEntries(expected.map((name) => [name, null]));
  for (let index = 0; index < elements.length; index++) {
    const value = elements[index] as unknown;
    if (value === null || value === undefined) continue;
    if (!isFlowControl(value)) {
      checkOutputs(step, value, expected);
      continue;
    }
    for (const next of value.next) {
      const target = next.startsWith('$steps.') ? next.slice('$steps.'.length) : next;
      const selected = decisions.get(target);
      if (!selected) {
        throw new BlockContractError({ step: step.name, blockType: step.block.type, message: `Step \`${step.name}\` (${step.block.type}) chose to continue with \`${next}\`, which is not one of its branches: [${step.flowTargets.map((name) => `$steps.${name}`).join(', ')}].` });
      }
      selected[index] = 1;
    }
    elements[index] = { ...emptyRecord };
  }
  return { space: execution, elements, decisions };
}

function checkOutputs(step: CompiledStep, record: unknown, expected: string[]): asserts record is BlockOutputValues {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new BlockContractError({ step: step.name, blockType: step.block.type, message: `Step \`${step.name}\` (${step.block.type}) returned ${record === null ? 'null' : typeof record} instead of an object of outputs.` });
  }
  let present = 0;
  for (const name of expected) if (name in record) present++;
  if (present !== expected.length || Object.keys(record).length !== expected.length) {
    throw new BlockContractError({
      step: step.name,
      blockType: step.block.type,
      message: `Step \`${step.name}\` did not produce required outputs. Expected: [${expected.join(', ')}]. Got: [${Object.keys(record).join(', ')}].`,
    });
  }
}

/** Resolves with the block's result, or rejects as soon as the run is aborted. */
function untilAborted<T>(value: T | Promise<T>, abort: RunAbort): Promise<T> {
  if (!isPromiseLike(value)) return Promise.resolve(value);
  if (abort.aborted) return Promise.reject(new WorkflowAbortedError(abort.reason));
  const signal = abort.signal;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new WorkflowAbortedError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    value.then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error instanceof WorkflowAbortedError);
}
