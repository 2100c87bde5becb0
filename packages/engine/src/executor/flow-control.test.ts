import { makePng } from '@flow/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineBlock } from '../block/define-block.js';
import { defineBlockPack } from '../block/define-block-pack.js';
import { flowControl } from '../block/flow-control.js';
import { selector, stepSelector } from '../block/selectors.js';
import { createEngine } from '../engine.js';
import { BlockContractError } from '../errors/runtime-errors.js';
import { testBlocksPack } from '../testing/test-blocks.js';

const engine = createEngine({ packs: [testBlocksPack] });
const image = (width: number, height: number) => ({ type: 'base64', value: makePng(width, height).toString('base64') });

// Modelled on the reference's continue_if workflows: a condition per image stops one branch; a block that
// accepts empty values merges what is left.
const gateOnWidth = {
  version: '1.0',
  inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'word', default_value: 'hello' }],
  steps: [
    { type: 'test/image_size@v1', name: 'size', image: '$inputs.image' },
    { type: 'test/gate@v1', name: 'gate', value: '$steps.size.width', pass_when: 40, next_steps: ['$steps.big', '$steps.greet'] },
    { type: 'test/upper@v1', name: 'big', text: '$steps.size.description' },
    { type: 'test/upper@v1', name: 'after_big', text: '$steps.big.text', times: 2 },
    { type: 'test/upper@v1', name: 'greet', text: '$inputs.word' },
    { type: 'test/coalesce@v1', name: 'merged', values: ['$steps.big.text'], fallback: 'small' },
  ],
  outputs: [
    { type: 'JsonField', name: 'big', selector: '$steps.big.text' },
    { type: 'JsonField', name: 'after_big', selector: '$steps.after_big.text' },
    { type: 'JsonField', name: 'greet', selector: '$steps.greet.text' },
    { type: 'JsonField', name: 'merged', selector: '$steps.merged.value' },
  ],
};

describe('flow control', () => {
  it('records every flow step -> target pair at compile time and runs targets after the decision', () => {
    const plan = engine.compile(gateOnWidth).plan;
    const byName = new Map(plan.steps.map((step) => [step.name, step]));
    expect(byName.get('gate')!.flowTargets).toEqual(['big', 'greet']);
    expect(byName.get('big')!.controlledBy).toEqual(['gate']);
    expect(byName.get('big')!.dependencies).toContain('gate');
    // A target with only scalar inputs runs per element of the decision it sits under.
    expect(byName.get('greet')!.executionLineage).toEqual(['<workflow_input>']);
  });

  it('masks elements per branch (SIMD): null at direct targets, downstream skipped, empty-accepting steps see nulls', async () => {
    const outputs = await engine.compile(gateOnWidth).run({ image: [image(40, 20), image(10, 10), image(40, 5)] });
    expect(outputs).toEqual([
      { big: '40X20', after_big: '40X2040X20', greet: 'HELLO', merged: '40X20' },
      { big: null, after_big: null, greet: null, merged: 'small' },
      { big: '40X5', after_big: '40X540X5', greet: 'HELLO', merged: '40X5' },
    ]);
  });

  it('hands masked elements to a direct target that accepts empty values, with null batch inputs', async () => {
    const definition = {
      ...gateOnWidth,
      steps: [
        gateOnWidth.steps[0],
        { type: 'test/gate@v1', name: 'gate', value: '$steps.size.width', pass_when: 40, next_steps: ['$steps.merged'] },
        { type: 'test/coalesce@v1', name: 'merged', values: ['$steps.size.description'], fallback: 'stopped' },
      ],
      outputs: [{ type: 'JsonField', name: 'merged', selector: '$steps.merged.value' }],
    };
    expect(await engine.compile(definition).run({ image: [image(40, 20), image(10, 10)] })).toEqual([{ merged: '40x20' }, { merged: 'stopped' }]);
  });

  it('decides once for the run when the condition is scalar (non-SIMD flow control)', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowParameter', name: 'mode' }, { type: 'WorkflowParameter', name: 'word' }, { type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'test/gate@v1', name: 'gate', value: '$inputs.mode', pass_when: 'go', next_steps: ['$steps.shout', '$steps.size'] },
        { type: 'test/upper@v1', name: 'shout', text: '$inputs.word' },
        { type: 'test/image_size@v1', name: 'size', image: '$inputs.image' },
      ],
      outputs: [{ type: 'JsonField', name: 'shout', selector: '$steps.shout.text' }, { type: 'JsonField', name: 'size', selector: '$steps.size.description' }],
    });
    expect(workflow.plan.steps.find((step) => step.name === 'shout')!.isBatch).toBe(false);
    expect(await workflow.run({ mode: 'go', word: 'hi', image: [image(2, 2), image(3, 3)] })).toEqual([
      { shout: 'HI', size: '2x2' },
      { shout: 'HI', size: '3x3' },
    ]);
    expect(await workflow.run({ mode: 'stop', word: 'hi', image: [image(2, 2), image(3, 3)] })).toEqual([
      { shout: null, size: null },
      { shout: null, size: null },
    ]);
  });

  it('masks nested elements when the decision is made per crop', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'test/strips@v1', name: 'strips', image: '$inputs.image', columns: 2 },
        { type: 'test/image_size@v1', name: 'size', image: '$steps.strips.crops' },
        { type: 'test/gate@v1', name: 'gate', value: '$steps.size.description', pass_when: '20x20', next_steps: ['$steps.describe'] },
        { type: 'test/upper@v1', name: 'describe', text: '$steps.size.description' },
        { type: 'test/gather@v1', name: 'kept', values: '$steps.describe.text' },
      ],
      outputs: [{ type: 'JsonField', name: 'described', selector: '$steps.describe.text' }, { type: 'JsonField', name: 'kept', selector: '$steps.kept.values' }],
    });
    expect(await workflow.run({ image: [image(40, 20), image(60, 20)] })).toEqual([
      { described: ['20X20', '20X20'], kept: ['20X20', '20X20'] },
      { described: [null, null], kept: [] },
    ]);
  });

  it('leaves nested outputs empty where flow control stopped the step that makes them', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'test/image_size@v1', name: 'size', image: '$inputs.image' },
        { type: 'test/gate@v1', name: 'gate', value: '$steps.size.height', pass_when: 20, next_steps: ['$steps.strips'] },
        { type: 'test/strips@v1', name: 'strips', image: '$inputs.image', columns: 2 },
        { type: 'test/image_size@v1', name: 'strip_size', image: '$steps.strips.crops' },
      ],
      outputs: [{ type: 'JsonField', name: 'strips', selector: '$steps.strip_size.description' }],
    });
    expect(await workflow.run({ image: [image(40, 20), image(40, 10)] })).toEqual([{ strips: ['20x20', '20x20'] }, { strips: [] }]);
  });

  it('fails the run when a block without step selectors returns a flow-control decision', async () => {
    const stray = defineBlock({ type: 'test/stray@v1', name: 'Stray', blockType: 'x', shortDescription: '', manifest: z.object({ value: selector([]) }), outputs: {}, run: () => flowControl(null) });
    const strayEngine = createEngine({ packs: [defineBlockPack({ name: 'stray', blocks: [stray] })] });
    const workflow = strayEngine.compile({ version: '1.0', inputs: [{ type: 'WorkflowParameter', name: 'p' }], steps: [{ type: 'test/stray@v1', name: 's', value: '$inputs.p' }], outputs: [] });
    await expect(workflow.run({ p: 1 })).rejects.toThrow('returned a flow-control decision, but the block has no step-selector property');
  });

  it('fails the run when a flow-control block picks a step that is not one of its branches', async () => {
    const rogue = defineBlock({
      type: 'test/rogue@v1',
      name: 'Rogue',
      blockType: 'flow_control',
      shortDescription: '',
      manifest: z.object({ value: selector([]), next_steps: z.array(stepSelector()) }),
      outputs: {},
      run: () => flowControl('$steps.elsewhere'),
    });
    const rogueEngine = createEngine({ packs: [testBlocksPack, defineBlockPack({ name: 'rogue', blocks: [rogue] })] });
    const workflow = rogueEngine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowParameter', name: 'p' }],
      steps: [
        { type: 'test/rogue@v1', name: 'rogue', value: '$inputs.p', next_steps: ['$steps.shout'] },
        { type: 'test/upper@v1', name: 'shout', text: '$inputs.p' },
      ],
      outputs: [{ type: 'JsonField', name: 'shout', selector: '$steps.shout.text' }],
    });
    await expect(workflow.run({ p: 'x' })).rejects.toThrow(BlockContractError);
    await expect(workflow.run({ p: 'x' })).rejects.toThrow('chose to continue with `$steps.elsewhere`, which is not one of its branches: [$steps.shout]');
  });
});
