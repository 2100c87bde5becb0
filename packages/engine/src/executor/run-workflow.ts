import type { BlockRegistry } from '../block/block-registry.js';
import { silentLogger, type BlockContext } from '../block/block-context.js';
import { isBatchBlock, type BlockOutputValues } from '../block/define-block.js';
import type { CompiledStep, PropertyBinding, ValueSource, WorkflowPlan } from '../compiler/compiled-workflow.js';
import { WorkflowError } from '../errors/workflow-error.js';
import { BlockContractError, RuntimeInputError, StepExecutionError, WorkflowAbortedError } from '../errors/runtime-errors.js';
import { assembleInputs, type AssembledInputs } from './assemble-inputs.js';
import { forEachIndex, isPromiseLike, Semaphore } from './concurrency.js';
import { buildOutputs } from './build-outputs.js';
import type { RunOptions, WorkflowOutputs } from './run-options.js';

/** Results of a step: one record per element for batch steps, one record otherwise; null when skipped. */
export type StepResult = { batch: true; elements: Array<BlockOutputValues | null> } | { batch: false; value: BlockOutputValues | null };

interface PropertyReader {
  property: string;
  /** True when the value comes from a step: a null there means "skip this element". */
  fromStep: boolean;
  read(index: number): unknown;
}

/**
 * Runs a compiled plan. Steps start as soon as the steps they read from are done; element-wise steps run
 * their elements concurrently; the first failure aborts the rest of the run.
 */
export async function runWorkflow(plan: WorkflowPlan, registry: BlockRegistry, inputValues: Record<string, unknown>, options: RunOptions = {}): Promise<WorkflowOutputs> {
  const controller = new AbortController();
  const outerSignal = options.signal;
  const onOuterAbort = () => controller.abort(outerSignal?.reason);
  if (outerSignal?.aborted) throw new WorkflowAbortedError(outerSignal.reason);
  outerSignal?.addEventListener('abort', onOuterAbort, { once: true });
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
          if (controller.signal.aborted) throw new WorkflowAbortedError(controller.signal.reason);
          results.set(step.name, await runStep(step, assembled, results, controller.signal, options));
        } catch (error) {
          firstFailure ??= error;
          controller.abort(error);
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
    outerSignal?.removeEventListener('abort', onOuterAbort);
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

function makeReader(source: ValueSource, assembled: AssembledInputs, results: Map<string, StepResult>): (index: number) => unknown {
  switch (source.from) {
    case 'literal':
      return () => source.value;
    case 'input': {
      if (!source.batch) {
        const value = assembled.parameters.get(source.input);
        return () => value;
      }
      const elements = assembled.batches.get(source.input)!;
      return (index) => elements[index];
    }
    case 'step': {
      const result = results.get(source.step)!;
      const pick = (record: BlockOutputValues | null | undefined) => (record == null ? null : source.output === '*' ? record : (record[source.output] ?? null));
      if (!result.batch) {
        const value = pick(result.value);
        return () => value;
      }
      return (index) => pick(result.elements[index]);
    }
  }
}

function makeReaders(step: CompiledStep, assembled: AssembledInputs, results: Map<string, StepResult>): PropertyReader[] {
  return step.bindings.map((binding: PropertyBinding): PropertyReader => {
    if (binding.shape === 'value') {
      return { property: binding.property, fromStep: binding.source.from === 'step', read: makeReader(binding.source, assembled, results) };
    }
    if (binding.shape === 'list') {
      const readers = binding.items.map((item) => makeReader(item, assembled, results));
      return { property: binding.property, fromStep: binding.items.some((item) => item.from === 'step'), read: (index) => readers.map((read) => read(index)) };
    }
    const readers = binding.entries.map(([key, item]) => [key, makeReader(item, assembled, results)] as const);
    return {
      property: binding.property,
      fromStep: binding.entries.some(([, item]) => item.from === 'step'),
      read: (index) => Object.fromEntries(readers.map(([key, read]) => [key, read(index)])),
    };
  });
}

/** Builds the inputs of one element, or returns undefined when a step-provided value is missing. */
function readInputs(readers: PropertyReader[], index: number, acceptsEmpty: boolean): Record<string, unknown> | undefined {
  const inputs: Record<string, unknown> = {};
  for (const reader of readers) {
    const value = reader.read(index);
    if (reader.fromStep && !acceptsEmpty && (value === null || value === undefined || (Array.isArray(value) && value.some((item) => item == null)))) {
      return undefined;
    }
    inputs[reader.property] = value;
  }
  return inputs;
}

async function runStep(step: CompiledStep, assembled: AssembledInputs, results: Map<string, StepResult>, signal: AbortSignal, options: RunOptions): Promise<StepResult> {
  const block = step.block;
  const started = performance.now();
  options.onStepEvent?.({ type: 'step-start', step: step.name, blockType: block.type, time: started });
  const context: BlockContext = {
    signal,
    logger: options.logger ?? silentLogger,
    services: options.services ?? {},
    usage: { record: (usage) => options.onUsage?.({ ...usage, step: step.name }) },
    step: { name: step.name, type: block.type },
  };
  const readers = makeReaders(step, assembled, results);
  const acceptsEmpty = block.acceptsEmptyValues === true;
  const expectedOutputs = Object.keys(step.outputs);
  let ok = false;
  try {
    let result: StepResult;
    if (isBatchBlock(block)) {
      const count = step.isBatch ? assembled.batchSize : 1;
      const kept: number[] = [];
      const rows: Array<Record<string, unknown>> = [];
      for (let index = 0; index < count; index++) {
        const inputs = readInputs(readers, index, acceptsEmpty);
        if (inputs) {
          kept.push(index);
          rows.push(inputs);
        }
      }
      const elements = new Array<BlockOutputValues | null>(count).fill(null);
      if (rows.length > 0) {
        const batchInputs: Record<string, unknown> = { ...rows[0] };
        for (const property of block.batchParameters) batchInputs[property] = rows.map((row) => row[property]);
        const produced = await untilAborted(block.run(batchInputs, context), signal);
        if (!Array.isArray(produced) || produced.length !== rows.length) {
          throw new BlockContractError({ step: step.name, blockType: block.type, message: `Step \`${step.name}\` (${block.type}) returned ${Array.isArray(produced) ? `${produced.length} results` : 'no list'} for a batch of ${rows.length}.` });
        }
        produced.forEach((record, position) => {
          checkOutputs(step, record, expectedOutputs);
          elements[kept[position]!] = record;
        });
      }
      result = step.isBatch ? { batch: true, elements } : { batch: false, value: elements[0] ?? null };
    } else if (step.isBatch) {
      const elements = new Array<BlockOutputValues | null>(assembled.batchSize).fill(null);
      await forEachIndex(assembled.batchSize, Math.max(1, options.elementConcurrency ?? 8), signal, (index) => {
        const inputs = readInputs(readers, index, acceptsEmpty);
        if (!inputs) return;
        const produced = block.run(inputs, context);
        if (isPromiseLike(produced)) {
          return untilAborted(produced, signal).then((record) => {
            checkOutputs(step, record, expectedOutputs);
            elements[index] = record;
          });
        }
        checkOutputs(step, produced, expectedOutputs);
        elements[index] = produced;
      });
      if (signal.aborted) throw new WorkflowAbortedError(signal.reason);
      result = { batch: true, elements };
    } else {
      const inputs = readInputs(readers, 0, acceptsEmpty);
      let value: BlockOutputValues | null = null;
      if (inputs) {
        value = await untilAborted(block.run(inputs, context), signal);
        checkOutputs(step, value, expectedOutputs);
      }
      result = { batch: false, value };
    }
    ok = true;
    return result;
  } catch (error) {
    if (error instanceof WorkflowError) throw error;
    if (signal.aborted && isAbortError(error)) throw new WorkflowAbortedError(signal.reason);
    throw new StepExecutionError({ step: step.name, blockType: block.type, cause: error });
  } finally {
    const ended = performance.now();
    options.onStepEvent?.({ type: 'step-end', step: step.name, blockType: block.type, time: ended, durationMs: ended - started, ok });
  }
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
function untilAborted<T>(value: T | Promise<T>, signal: AbortSignal): Promise<T> {
  if (!isPromiseLike(value)) return Promise.resolve(value);
  if (signal.aborted) return Promise.reject(new WorkflowAbortedError(signal.reason));
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
