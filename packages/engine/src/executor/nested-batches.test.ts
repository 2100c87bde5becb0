import type { Detections } from '@flow/kinds';
import { makePng } from '@flow/testing';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { testBlocksPack } from '../testing/test-blocks.js';

const engine = createEngine({ packs: [testBlocksPack] });
const image = (width: number, height: number) => ({ type: 'base64', value: makePng(width, height).toString('base64') });

// Modelled on the reference's crop workflows: make a nested batch (strips of the image, like crops of its
// detections), run a per-crop step, and output the per-crop results in both coordinate systems.
const stripsThenBox = (system: 'own' | 'parent') => ({
  version: '1.0',
  inputs: [{ type: 'WorkflowImage', name: 'image' }],
  steps: [
    { type: 'test/strips@v1', name: 'strips', image: '$inputs.image' },
    { type: 'test/describe_batch@v1', name: 'vlm', images: '$steps.strips.crops', prompt: 'find' },
    { type: 'test/box@v1', name: 'box', image: '$steps.strips.crops', text: '$steps.vlm.output' },
  ],
  outputs: [
    { type: 'JsonField', name: 'answers', selector: '$steps.vlm.output' },
    { type: 'JsonField', name: 'boxes', selector: '$steps.box.predictions', coordinates_system: system },
  ],
});

describe('nested batches', () => {
  it('runs a per-crop step on every element of a nested batch and outputs nested lists', async () => {
    const workflow = engine.compile(stripsThenBox('own'));
    expect(workflow.plan.steps.map((step) => [step.name, step.executionLineage, step.outputLineage])).toEqual([
      ['strips', ['<workflow_input>'], ['<workflow_input>', '$steps.strips']],
      ['vlm', ['<workflow_input>', '$steps.strips'], ['<workflow_input>', '$steps.strips']],
      ['box', ['<workflow_input>', '$steps.strips'], ['<workflow_input>', '$steps.strips']],
    ]);
    const outputs = await workflow.run({ image: [image(40, 20), image(60, 10)] });
    expect(outputs.map((record) => record.answers)).toEqual([
      ['find:image.[0]/0', 'find:image.[0]/1'],
      ['find:image.[1]/0', 'find:image.[1]/1'],
    ]);
    const [first] = workflow.serialize(outputs);
    expect(first!.boxes).toEqual([
      {
        image: { width: 20, height: 20 },
        predictions: [
          {
            width: 10, height: 20, x: 5, y: 10, confidence: 0.5, class_id: 0, class: 'half', detection_id: 'd-1',
            parent_id: 'image.[0]/0',
            parent_origin: { offset_x: 0, offset_y: 0, width: 40, height: 20 },
            root_parent_id: 'image.[0]',
            root_parent_origin: { offset_x: 0, offset_y: 0, width: 40, height: 20 },
          },
        ],
      },
      {
        image: { width: 20, height: 20 },
        predictions: [
          {
            width: 10, height: 20, x: 5, y: 10, confidence: 0.5, class_id: 0, class: 'half', detection_id: 'd-1',
            parent_id: 'image.[0]/1',
            parent_origin: { offset_x: 20, offset_y: 0, width: 40, height: 20 },
            root_parent_id: 'image.[0]',
            root_parent_origin: { offset_x: 20, offset_y: 0, width: 40, height: 20 },
          },
        ],
      },
    ]);
  });

  it('maps detections on crops back onto the input image with coordinates_system "parent"', async () => {
    const workflow = engine.compile(stripsThenBox('parent'));
    const outputs = await workflow.run({ image: image(40, 20) });
    const boxes = outputs[0]!.boxes as Detections[];
    expect(boxes.map((detections) => detections.xyxy)).toEqual([[[0, 0, 10, 20]], [[20, 0, 30, 20]]]);
    const [serialized] = workflow.serialize(outputs);
    expect((serialized!.boxes as Array<{ image: unknown; predictions: Array<Record<string, unknown>> }>)[1]).toEqual({
      image: { width: 40, height: 20 },
      predictions: [{ width: 10, height: 20, x: 25, y: 10, confidence: 0.5, class_id: 0, class: 'half', detection_id: 'd-1', parent_id: 'image' }],
    });
  });

  it('keeps lineage through two levels of nesting (crops of crops)', async () => {
    const definition = {
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'test/strips@v1', name: 'halves', image: '$inputs.image' },
        { type: 'test/strips@v1', name: 'quarters', image: '$steps.halves.crops' },
        { type: 'test/describe_batch@v1', name: 'vlm', images: '$steps.quarters.crops', prompt: 'p' },
        { type: 'test/box@v1', name: 'box', image: '$steps.quarters.crops', text: '$steps.vlm.output' },
      ],
      outputs: [
        { type: 'JsonField', name: 'own', selector: '$steps.box.predictions', coordinates_system: 'own' },
        { type: 'JsonField', name: 'root', selector: '$steps.box.predictions' },
      ],
    };
    const workflow = engine.compile(definition);
    expect(workflow.plan.steps.find((step) => step.name === 'box')!.executionLineage).toEqual(['<workflow_input>', '$steps.halves', '$steps.quarters']);
    const outputs = await workflow.run({ image: image(40, 20) });
    const root = outputs[0]!.root as Detections[][];
    expect(root.map((level) => level.map((detections) => detections.xyxy[0]))).toEqual([
      [[0, 0, 5, 20], [10, 0, 15, 20]],
      [[20, 0, 25, 20], [30, 0, 35, 20]],
    ]);
    const [serialized] = workflow.serialize(outputs);
    const own = serialized!.own as Array<Array<{ image: unknown; predictions: Array<Record<string, unknown>> }>>;
    expect(own[1]![1]!.image).toEqual({ width: 10, height: 20 });
    expect(own[1]![1]!.predictions[0]).toMatchObject({
      x: 2.5,
      parent_id: 'image/1/1',
      parent_origin: { offset_x: 10, offset_y: 0, width: 20, height: 20 },
      root_parent_id: 'image',
      root_parent_origin: { offset_x: 30, offset_y: 0, width: 40, height: 20 },
    });
    expect((serialized!.root as Array<Array<{ predictions: Array<Record<string, unknown>> }>>)[1]![1]!.predictions[0]).toMatchObject({ x: 32.5, parent_id: 'image' });
  });

  it('outputs an empty list where a parent element has no nested elements', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'columns' }],
      steps: [
        { type: 'test/strips@v1', name: 'strips', image: '$inputs.image', columns: '$inputs.columns' },
        { type: 'test/image_size@v1', name: 'size', image: '$steps.strips.crops' },
      ],
      outputs: [{ type: 'JsonField', name: 'sizes', selector: '$steps.size.description' }, { type: 'JsonField', name: 'all', selector: '$steps.size.*' }],
    });
    expect(await workflow.run({ image: [image(30, 10), image(60, 10)], columns: 3 })).toEqual([
      { sizes: ['10x10', '10x10', '10x10'], all: [{ width: 10, height: 10, description: '10x10' }, { width: 10, height: 10, description: '10x10' }, { width: 10, height: 10, description: '10x10' }] },
      { sizes: ['20x10', '20x10', '20x10'], all: expect.any(Array) },
    ]);
    const [serialized] = workflow.serialize(await workflow.run({ image: image(20, 10), columns: 2 }));
    expect(serialized!.all).toEqual([
      { width: 10, height: 10, description: '10x10' },
      { width: 10, height: 10, description: '10x10' },
    ]);
    expect(workflow.serialize(await workflow.run({ image: [image(30, 10), image(60, 10)], columns: 0 }))).toEqual([
      { sizes: [], all: [] },
      { sizes: [], all: [] },
    ]);
  });

  it('collapses a nested batch one level up (output offset -1)', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'test/strips@v1', name: 'strips', image: '$inputs.image', columns: 4 },
        { type: 'test/image_size@v1', name: 'size', image: '$steps.strips.crops' },
        { type: 'test/gather@v1', name: 'widths', values: '$steps.size.width' },
        { type: 'test/gather@v1', name: 'everything', values: '$steps.widths.values' },
      ],
      outputs: [
        { type: 'JsonField', name: 'widths', selector: '$steps.widths.values' },
        { type: 'JsonField', name: 'everything', selector: '$steps.everything.values' },
      ],
    });
    expect(workflow.plan.steps.find((step) => step.name === 'widths')!.outputLineage).toEqual(['<workflow_input>']);
    expect(workflow.plan.steps.find((step) => step.name === 'everything')!.outputLineage).toEqual([]);
    expect(await workflow.run({ image: [image(40, 10), image(80, 10)] })).toEqual([
      { widths: [10, 10, 10, 10], everything: [[10, 10, 10, 10], [20, 20, 20, 20]] },
      { widths: [20, 20, 20, 20], everything: [[10, 10, 10, 10], [20, 20, 20, 20]] },
    ]);
  });

  it('gives a property with input offset 1 the nested values under each element', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'test/image_size@v1', name: 'size', image: '$inputs.image' },
        { type: 'test/strips@v1', name: 'strips', image: '$inputs.image' },
        { type: 'test/image_size@v1', name: 'strip_size', image: '$steps.strips.crops' },
        { type: 'test/join@v1', name: 'join', prefix: '$steps.size.description', items: '$steps.strip_size.width' },
      ],
      outputs: [{ type: 'JsonField', name: 'joined', selector: '$steps.join.joined' }],
    });
    expect(await workflow.run({ image: [image(40, 10), image(10, 4)] })).toEqual([{ joined: '40x10:20,20' }, { joined: '10x4:5,5' }]);
  });

  it('runs WorkflowBatchInput of dimensionality 2 element by element and outputs nested lists', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowBatchInput', name: 'words', kind: ['string'], dimensionality: 2 }],
      steps: [
        { type: 'test/upper@v1', name: 'upper', text: '$inputs.words' },
        { type: 'test/gather@v1', name: 'gathered', values: '$steps.upper.text' },
      ],
      outputs: [
        { type: 'JsonField', name: 'upper', selector: '$steps.upper.text' },
        { type: 'JsonField', name: 'gathered', selector: '$steps.gathered.values' },
        { type: 'JsonField', name: 'words', selector: '$inputs.words' },
      ],
    });
    expect(await workflow.run({ words: [['a', 'b'], [], ['c']] })).toEqual([
      { upper: ['A', 'B'], gathered: ['A', 'B'], words: ['a', 'b'] },
      { upper: [], gathered: [], words: [] },
      { upper: ['C'], gathered: ['C'], words: ['c'] },
    ]);
    await expect(workflow.run({ words: ['a', 'b'] })).rejects.toThrow('Input `words.[0]` must be a list: `words` is declared with dimensionality 2');
  });

  it('adds a nested batch made from scalars (an emergent batch) whole to every record', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowParameter', name: 'picture' }, { type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'test/strips@v1', name: 'strips', image: '$inputs.picture', columns: 2 },
        { type: 'test/image_size@v1', name: 'size', image: '$steps.strips.crops' },
        { type: 'test/image_size@v1', name: 'input_size', image: '$inputs.image' },
      ],
      outputs: [{ type: 'JsonField', name: 'strips', selector: '$steps.size.description' }, { type: 'JsonField', name: 'input', selector: '$steps.input_size.description' }],
    });
    const { WorkflowImage } = await import('@flow/kinds');
    const picture = WorkflowImage.fromBytes(makePng(8, 4), { parentId: 'picture' });
    expect(await workflow.run({ picture, image: [image(2, 2), image(3, 3)] })).toEqual([
      { strips: ['4x4', '4x4'], input: '2x2' },
      { strips: ['4x4', '4x4'], input: '3x3' },
    ]);
  });
});
