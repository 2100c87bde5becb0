import { Detections } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makePng } from '@flow/testing';
import { defineBlock } from '../block/define-block.js';
import { defineBlockPack } from '../block/define-block-pack.js';
import { selector } from '../block/selectors.js';
import { createEngine } from '../engine.js';
import { BlockContractError, RuntimeInputError, StepExecutionError, WorkflowAbortedError } from '../errors/runtime-errors.js';
import { toReferenceErrorResponse } from '../errors/reference-error-body.js';
import { testBlocksPack } from '../testing/test-blocks.js';

const engine = createEngine({ packs: [testBlocksPack] });
const image = (width: number, height: number) => ({ type: 'base64', value: makePng(width, height).toString('base64') });

const detectorWorkflow = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'prompt', default_value: 'find' },
  ],
  steps: [
    { type: 'test/describe_batch@v1', name: 'vlm', images: '$inputs.image', prompt: '$inputs.prompt' },
    { type: 'test/box@v1', name: 'box', image: '$inputs.image', text: '$steps.vlm.output' },
    { type: 'test/count@v1', name: 'count', predictions: '$steps.box.predictions' },
  ],
  outputs: [
    { type: 'JsonField', name: 'answer', selector: '$steps.vlm.output' },
    { type: 'JsonField', name: 'boxes', selector: '$steps.box.predictions' },
    { type: 'JsonField', name: 'count', selector: '$steps.count.count' },
    { type: 'JsonField', name: 'prompt', selector: '$inputs.prompt' },
  ],
};

describe('run', () => {
  it('runs a batch with one record per element, broadcasting parameters', async () => {
    const workflow = engine.compile(detectorWorkflow);
    const outputs = await workflow.run({ image: [image(40, 20), image(10, 10)], prompt: 'look' });
    expect(outputs).toHaveLength(2);
    expect(outputs[0]!.answer).toBe('look:image.[0]');
    expect(outputs[1]!.answer).toBe('look:image.[1]');
    expect(outputs.map((record) => record.count)).toEqual([1, 1]);
    expect(outputs[0]!.prompt).toBe('look');
    const serialized = workflow.serialize(outputs);
    expect(serialized[0]!.boxes).toEqual({
      image: { width: 40, height: 20 },
      predictions: [{ width: 20, height: 20, x: 10, y: 10, confidence: 0.5, class_id: 0, class: 'half', detection_id: 'd-1', parent_id: 'image.[0]' }],
    });
  });

  it('treats a single image as a batch of one with the input name as parent id, and uses parameter defaults', async () => {
    const outputs = await engine.compile(detectorWorkflow).run({ image: image(8, 8) });
    expect(outputs).toEqual([expect.objectContaining({ answer: 'find:image', prompt: 'find' })]);
  });

  it('skips elements whose upstream value is null and outputs null for them', async () => {
    const outputs = await engine.compile(detectorWorkflow).run({ image: [image(8, 8), image(8, 8)], prompt: 'none' });
    expect(outputs.map((record) => [record.boxes, record.count])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('returns a single record when every output is a parameter', async () => {
    const workflow = engine.compile({ version: '1.0', inputs: [{ type: 'WorkflowParameter', name: 'p' }], steps: [{ type: 'test/upper@v1', name: 'u', text: '$inputs.p' }], outputs: [{ type: 'JsonField', name: 'u', selector: '$steps.u.text' }] });
    expect(await workflow.run({ p: 'hi' })).toEqual([{ u: 'HI' }]);
  });

  it('validates parameters plugged into literal properties at run time', async () => {
    const workflow = engine.compile({ version: '1.0', inputs: [{ type: 'WorkflowParameter', name: 'n' }], steps: [{ type: 'test/upper@v1', name: 'u', text: 'a', times: '$inputs.n' }], outputs: [{ type: 'JsonField', name: 'u', selector: '$steps.u.text' }] });
    expect(await workflow.run({ n: 3 })).toEqual([{ u: 'AAA' }]);
    await expect(workflow.run({ n: 7 })).rejects.toThrow(/incompatible with manifest of step u regarding property times provided in input parameter named n/);
  });

  it('reports a missing image, a bad image and mismatched batch lengths as runtime input errors', async () => {
    const workflow = engine.compile(detectorWorkflow);
    await expect(workflow.run({})).rejects.toThrow(RuntimeInputError);
    await expect(workflow.run({})).rejects.toThrow(/`image` defined as `WorkflowImage`.*value is not provided/);
    await expect(workflow.run({ image: [image(4, 4), { type: 'base64', value: 'bm90IGFuIGltYWdl' }] })).rejects.toThrow(/`image\.\[1\]` is not a readable image/);
    const twoInputs = { ...detectorWorkflow, inputs: [...detectorWorkflow.inputs, { type: 'WorkflowBatchInput', name: 'other' }] };
    await expect(engine.compile(twoInputs).run({ image: [image(4, 4), image(4, 4)], other: [1, 2, 3] })).rejects.toThrow(/same length, or of length 1/);
  });

  it('wraps a block failure in a StepExecutionError naming step and block, without a stack in the body', async () => {
    const workflow = engine.compile({ version: '1.0', inputs: [{ type: 'WorkflowParameter', name: 'p' }], steps: [{ type: 'test/fail@v1', name: 'broken', value: '$inputs.p' }], outputs: [{ type: 'JsonField', name: 'x', selector: '$steps.broken.value' }] });
    const error = await workflow.run({ p: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StepExecutionError);
    expect(error).toMatchObject({ step: 'broken', blockType: 'test/fail@v1', status: 500 });
    const { status, body } = toReferenceErrorResponse(error as StepExecutionError);
    expect(status).toBe(500);
    expect(body).toMatchObject({ error_type: 'StepExecutionError', context: 'workflow_execution | step_execution', inner_error_type: 'Error', inner_error_message: 'boom at /secret/path' });
    expect((body.blocks_errors as Array<Record<string, unknown>>)[0]).toMatchObject({ block_id: 'broken', block_type: 'test/fail@v1', block_traceback: null });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('fails the run when a block returns other outputs than it declares', async () => {
    const liar = defineBlock({ type: 'test/liar@v1', name: 'Liar', blockType: 'x', shortDescription: '', manifest: z.object({ value: selector([]) }), outputs: { a: [] }, run: () => ({ b: 1 }) });
    const liarEngine = createEngine({ packs: [defineBlockPack({ name: 'liar', blocks: [liar] })] });
    const workflow = liarEngine.compile({ version: '1.0', inputs: [{ type: 'WorkflowBatchInput', name: 'v' }], steps: [{ type: 'test/liar@v1', name: 'l', value: '$inputs.v' }], outputs: [{ type: 'JsonField', name: 'a', selector: '$steps.l.a' }] });
    await expect(workflow.run({ v: [1] })).rejects.toThrow(BlockContractError);
    await expect(workflow.run({ v: [1] })).rejects.toThrow('Expected: [a]. Got: [b]');
  });

  it('starts a step as soon as its own inputs are ready, not level by level', async () => {
    const events: string[] = [];
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowParameter', name: 'p' }],
      steps: [
        { type: 'test/wait@v1', name: 'slow', value: '$inputs.p', milliseconds: 120 },
        { type: 'test/wait@v1', name: 'fast', value: '$inputs.p', milliseconds: 5 },
        { type: 'test/upper@v1', name: 'after_fast', text: '$steps.fast.value' },
      ],
      outputs: [{ type: 'JsonField', name: 'x', selector: '$steps.after_fast.text' }, { type: 'JsonField', name: 'y', selector: '$steps.slow.value' }],
    });
    await workflow.run({ p: 'go' }, { onStepEvent: (event) => event.type === 'step-end' && events.push(event.step) });
    expect(events).toEqual(['fast', 'after_fast', 'slow']);
  });

  it('cancels through the AbortSignal and tells blocks', async () => {
    let sawAbort = false;
    const workflow = engine.compile({ version: '1.0', inputs: [{ type: 'WorkflowParameter', name: 'p' }], steps: [{ type: 'test/wait@v1', name: 'w', value: '$inputs.p', milliseconds: 10_000 }], outputs: [{ type: 'JsonField', name: 'x', selector: '$steps.w.value' }] });
    const controller = new AbortController();
    const run = workflow.run({ p: 1 }, { signal: controller.signal, onStepEvent: (event) => event.type === 'step-end' && (sawAbort = !event.ok) });
    setTimeout(() => controller.abort(new Error('client went away')), 20);
    await expect(run).rejects.toThrow(WorkflowAbortedError);
    expect(sawAbort).toBe(true);
  });

  it('bounds element concurrency', async () => {
    let active = 0;
    let peak = 0;
    const tracked = defineBlock({
      type: 'test/tracked@v1', name: 'Tracked', blockType: 'x', shortDescription: '', manifest: z.object({ value: selector([]) }), outputs: { value: [] },
      run: async ({ value }) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 2));
        active--;
        return { value };
      },
    });
    const trackedEngine = createEngine({ packs: [defineBlockPack({ name: 't', blocks: [tracked] })] });
    const workflow = trackedEngine.compile({ version: '1.0', inputs: [{ type: 'WorkflowBatchInput', name: 'v' }], steps: [{ type: 'test/tracked@v1', name: 't', value: '$inputs.v' }], outputs: [{ type: 'JsonField', name: 'v', selector: '$steps.t.value' }] });
    const outputs = await workflow.run({ v: Array.from({ length: 40 }, (_, index) => index) }, { elementConcurrency: 3 });
    expect(outputs.map((record) => record.v)).toEqual(Array.from({ length: 40 }, (_, index) => index));
    expect(peak).toBe(3);
  });

  it('outputs all fields of a step with $steps.s.*, null-filled for skipped elements', async () => {
    const workflow = engine.compile({ ...detectorWorkflow, outputs: [{ type: 'JsonField', name: 'all', selector: '$steps.box.*' }] });
    const [first] = await workflow.run({ image: image(4, 4), prompt: 'none' });
    expect(first!.all).toEqual({ predictions: null, error_status: 1 });
    const [second] = workflow.serialize(await workflow.run({ image: image(4, 4) }));
    expect(second!.all).toMatchObject({ error_status: 0, predictions: { image: { width: 4, height: 4 } } });
  });

  it('moves crop detections to root coordinates unless coordinates_system is "own"', async () => {
    const crop = { ...image(10, 10), parent_id: 'crop', root_parent_id: 'root', root_parent_origin: { offset_x: 100, offset_y: 50, width: 200, height: 100 } };
    const definition = (system: string) => ({ ...detectorWorkflow, outputs: [{ type: 'JsonField', name: 'boxes', selector: '$steps.box.predictions', coordinates_system: system }] });
    const [parent] = await engine.compile(definition('parent')).run({ image: crop });
    const [own] = await engine.compile(definition('own')).run({ image: crop });
    expect((parent!.boxes as Detections).xyxy).toEqual([[100, 50, 105, 60]]);
    expect((own!.boxes as Detections).xyxy).toEqual([[0, 0, 5, 10]]);
  });

  it('calls whole-batch blocks once with the batch', async () => {
    const outputs = await engine.compile(detectorWorkflow).run({ image: [image(4, 4), image(4, 4), image(4, 4)] });
    const workflow = engine.compile({ ...detectorWorkflow, outputs: [{ type: 'JsonField', name: 'size', selector: '$steps.vlm.batch_size' }] });
    expect((await workflow.run({ image: [image(4, 4), image(4, 4), image(4, 4)] })).map((record) => record.size)).toEqual([3, 3, 3]);
    expect(outputs).toHaveLength(3);
  });

  it('marks float-kinded outputs so stringifyJson writes them as floats; integer outputs stay ints', async () => {
    const { floatKind, integerKind, stringifyJson } = await import('@flow/kinds');
    const halve = defineBlock({ type: 'test/halve@v1', name: 'Halve', blockType: 'x', shortDescription: '', manifest: z.object({ value: selector([]) }), outputs: { half: [floatKind], whole: [integerKind] }, run: ({ value }) => ({ half: (value as number) / 2, whole: value }) });
    const halveEngine = createEngine({ packs: [defineBlockPack({ name: 'h', blocks: [halve] })] });
    const workflow = halveEngine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowParameter', name: 'n' }],
      steps: [{ type: 'test/halve@v1', name: 'h', value: '$inputs.n' }],
      outputs: [
        { type: 'JsonField', name: 'half', selector: '$steps.h.half' },
        { type: 'JsonField', name: 'whole', selector: '$steps.h.whole' },
      ],
    });
    const serialized = workflow.serialize(await workflow.run({ n: 4 }));
    expect(serialized).toEqual([{ half: 2, whole: 4 }]);
    expect(stringifyJson(serialized)).toBe('[{"half":2.0,"whole":4}]');
  });

  it('masks secret-kind outputs when serialising', async () => {
    const { secretKind } = await import('@flow/kinds');
    const leak = defineBlock({ type: 'test/leak@v1', name: 'Leak', blockType: 'x', shortDescription: '', manifest: z.object({ value: selector([]) }), outputs: { key: [secretKind] }, run: ({ value }) => ({ key: value }) });
    const leakEngine = createEngine({ packs: [defineBlockPack({ name: 'l', blocks: [leak] })] });
    const workflow = leakEngine.compile({ version: '1.0', inputs: [{ type: 'WorkflowParameter', name: 'k' }], steps: [{ type: 'test/leak@v1', name: 'l', value: '$inputs.k' }], outputs: [{ type: 'JsonField', name: 'key', selector: '$steps.l.key' }] });
    expect(workflow.serialize(await workflow.run({ k: 'sk-live-abcdef123456' }))).toEqual([{ key: 'sk********56' }]);
  });
});
