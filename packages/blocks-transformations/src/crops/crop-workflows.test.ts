import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { testBlocksPack } from '@flow/engine/testing';
import type { Detections, WorkflowImage } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { transformationsPack } from '../pack.js';
import { gradientPng, pixelAt } from '../testing/gradient-image.js';

const engine = createEngine({ packs: [transformationsPack, formattersPack, testBlocksPack] });
const png = async (width: number, height: number) => ({ type: 'base64', value: (await gradientPng(width, height)).toString('base64') });

/** A VLM answer in the OpenAI legacy format: boxes as fractions of the image. */
const answer = (...boxes: Array<[number, number, number, number, string]>) =>
  JSON.stringify({ detections: boxes.map(([x_min, y_min, x_max, y_max, class_name]) => ({ x_min, y_min, x_max, y_max, class_name, confidence: 0.9 })) });

const detector = (name: string, image: string, vlmOutput: string) => ({
  type: 'roboflow_core/vlm_as_detector@v2',
  name,
  image,
  vlm_output: vlmOutput,
  classes: ['cat', 'dog'],
  model_type: 'openai',
  task_type: 'object-detection',
});

// Restates the reference's detect -> crop -> per-crop model workflows (test_workflow_with_dimensionality_change,
// test_workflow_detection_plus_classification) with a VLM answer given as input and the engine's test blocks.
const detectCropDescribe = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowBatchInput', name: 'answer', kind: ['language_model_output'] },
  ],
  steps: [
    detector('detection', '$inputs.image', '$inputs.answer'),
    { type: 'Crop', name: 'cropping', image: '$inputs.image', predictions: '$steps.detection.predictions' },
    { type: 'test/image_size@v1', name: 'crop_size', image: '$steps.cropping.crops' },
    { type: 'test/describe_batch@v1', name: 'vlm', images: '$steps.cropping.crops', prompt: 'what' },
    { type: 'test/box@v1', name: 'box', image: '$steps.cropping.crops', text: '$steps.vlm.output' },
    { type: 'roboflow_core/dimension_collapse@v1', name: 'collapsed', data: '$steps.crop_size.description' },
  ],
  outputs: [
    { type: 'JsonField', name: 'crops', selector: '$steps.cropping.crops' },
    { type: 'JsonField', name: 'crop_sizes', selector: '$steps.crop_size.description' },
    { type: 'JsonField', name: 'own', selector: '$steps.box.predictions', coordinates_system: 'own' },
    { type: 'JsonField', name: 'parent', selector: '$steps.box.predictions', coordinates_system: 'parent' },
    { type: 'JsonField', name: 'collapsed', selector: '$steps.collapsed.output' },
  ],
};

describe('detect -> crop -> per-crop steps', () => {
  it('crops every detection, runs steps per crop and outputs nested lists (empty for an image with none)', async () => {
    const workflow = engine.compile(detectCropDescribe);
    const outputs = await workflow.run({
      image: [await png(100, 50), await png(60, 60)],
      answer: [answer([0.1, 0.2, 0.5, 0.6, 'cat'], [0.6, 0, 1, 1, 'dog']), answer()],
    });
    expect(outputs.map((record) => record.crop_sizes)).toEqual([['40x20', '40x50'], []]);
    expect(outputs.map((record) => record.collapsed)).toEqual([['40x20', '40x50'], []]);
    const [first, second] = workflow.serialize(outputs);
    expect(second).toEqual({ crops: [], crop_sizes: [], own: [], parent: [], collapsed: [] });

    // The crop's parent is its detection; its root is the input image.
    const detectionIds = (outputs[0]!.own as Detections[]).map((detections) => detections.data.parent_id![0]);
    const crops = first!.crops as Array<Record<string, unknown>>;
    expect(crops.map((crop) => crop.parent_id)).toEqual(detectionIds);
    expect(crops[0]).toMatchObject({
      type: 'base64',
      parent_origin: { offset_x: 10, offset_y: 10, width: 100, height: 50 },
      root_parent_id: 'image.[0]',
      root_parent_origin: { offset_x: 10, offset_y: 10, width: 100, height: 50 },
    });
    expect(crops[1]).toMatchObject({ parent_origin: { offset_x: 60, offset_y: 0, width: 100, height: 50 } });

    // Detections on the crops, in the crop's coordinates and mapped back onto the image.
    const own = first!.own as Array<{ image: unknown; predictions: Array<Record<string, unknown>> }>;
    expect(own.map((set) => [set.image, set.predictions[0]!.x, set.predictions[0]!.y])).toEqual([
      [{ width: 40, height: 20 }, 10, 10],
      [{ width: 40, height: 50 }, 10, 25],
    ]);
    expect(own[0]!.predictions[0]).toMatchObject({ root_parent_id: 'image.[0]', root_parent_origin: { offset_x: 10, offset_y: 10, width: 100, height: 50 } });
    const parent = first!.parent as Array<{ image: unknown; predictions: Array<Record<string, unknown>> }>;
    expect(parent.map((set) => [set.image, set.predictions[0]!.x, set.predictions[0]!.y, set.predictions[0]!.parent_id])).toEqual([
      [{ width: 100, height: 50 }, 20, 20, 'image.[0]'],
      [{ width: 100, height: 50 }, 70, 25, 'image.[0]'],
    ]);
    expect(parent[0]!.predictions[0]).not.toHaveProperty('parent_origin');
  });

  it('cuts the pixels of the detection box out of the image', async () => {
    const workflow = engine.compile(detectCropDescribe);
    const [record] = await workflow.run({ image: await png(100, 50), answer: answer([0.1, 0.2, 0.5, 0.6, 'cat']) });
    const [crop] = record!.crops as WorkflowImage[];
    expect([crop!.width, crop!.height]).toEqual([40, 20]);
    expect(await pixelAt(crop!.bytes, 0, 0)).toEqual([10, 10, 20]);
    expect(await pixelAt(crop!.bytes, 39, 19)).toEqual([49, 29, 78]);
  });

  it('crops crops (two levels): detections on the inner crops map back onto the input image', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [
        { type: 'WorkflowImage', name: 'image' },
        { type: 'WorkflowParameter', name: 'outer' },
        { type: 'WorkflowParameter', name: 'inner' },
      ],
      steps: [
        detector('outer_detection', '$inputs.image', '$inputs.outer'),
        { type: 'roboflow_core/dynamic_crop@v1', name: 'outer_crops', images: '$inputs.image', predictions: '$steps.outer_detection.predictions' },
        detector('inner_detection', '$steps.outer_crops.crops', '$inputs.inner'),
        { type: 'roboflow_core/dynamic_crop@v1', name: 'inner_crops', images: '$steps.outer_crops.crops', detections: '$steps.inner_detection.predictions' },
        { type: 'test/describe_batch@v1', name: 'vlm', images: '$steps.inner_crops.crops', prompt: 'what' },
        { type: 'test/box@v1', name: 'box', image: '$steps.inner_crops.crops', text: '$steps.vlm.output' },
      ],
      outputs: [
        { type: 'JsonField', name: 'own', selector: '$steps.box.predictions', coordinates_system: 'own' },
        { type: 'JsonField', name: 'parent', selector: '$steps.box.predictions' },
        { type: 'JsonField', name: 'inner_crops', selector: '$steps.inner_crops.crops' },
      ],
    });
    const outputs = await workflow.run({
      image: await png(200, 100),
      // Outer: the right half; inner: the bottom-right quarter of each outer crop.
      outer: answer([0.5, 0, 1, 1, 'cat']),
      inner: answer([0.5, 0.5, 1, 1, 'dog']),
    });
    const [record] = workflow.serialize(outputs);
    const innerCrops = record!.inner_crops as Array<Array<Record<string, unknown>>>;
    expect(innerCrops).toHaveLength(1);
    expect(innerCrops[0]![0]).toMatchObject({
      parent_origin: { offset_x: 50, offset_y: 50, width: 100, height: 100 },
      root_parent_id: 'image',
      root_parent_origin: { offset_x: 150, offset_y: 50, width: 200, height: 100 },
    });
    const own = (record!.own as Array<Array<{ predictions: Array<Record<string, unknown>> }>>)[0]![0]!.predictions[0]!;
    expect(own).toMatchObject({ x: 12.5, y: 25, width: 25, height: 50, root_parent_id: 'image' });
    const parent = (record!.parent as Array<Array<{ image: unknown; predictions: Array<Record<string, unknown>> }>>)[0]![0]!;
    expect(parent.image).toEqual({ width: 200, height: 100 });
    expect(parent.predictions[0]).toMatchObject({ x: 162.5, y: 75, width: 25, height: 50, parent_id: 'image' });
    const crop = (outputs[0]!.inner_crops as WorkflowImage[][])[0]![0]!;
    expect(await pixelAt(crop.bytes, 0, 0)).toEqual([150, 50, 200]);
  });

  it('takes serialised crops back as a WorkflowBatchInput of dimensionality 2, lineage included (debugging a second stage)', async () => {
    const first = engine.compile(detectCropDescribe);
    const [cropped] = first.serialize(await first.run({ image: await png(100, 50), answer: answer([0.1, 0.2, 0.5, 0.6, 'cat'], [0.6, 0, 1, 1, 'dog']) }));
    const secondStage = engine.compile({
      version: '1.3.0',
      inputs: [{ type: 'WorkflowBatchInput', name: 'crops', kind: ['image'], dimensionality: 2 }],
      steps: [
        { type: 'test/describe_batch@v1', name: 'vlm', images: '$inputs.crops', prompt: 'what' },
        { type: 'test/box@v1', name: 'box', image: '$inputs.crops', text: '$steps.vlm.output' },
      ],
      outputs: [{ type: 'JsonField', name: 'boxes', selector: '$steps.box.predictions' }],
    });
    const outputs = await secondStage.run({ crops: [cropped!.crops, []] });
    expect(outputs).toHaveLength(2);
    const boxes = outputs[0]!.boxes as Detections[];
    expect(boxes.map((detections) => detections.xyxy[0])).toEqual([
      [10, 10, 30, 30],
      [60, 0, 80, 50],
    ]);
    expect(outputs[1]!.boxes).toEqual([]);
  });

  it('refuses detections without detection ids with a clear step error', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowBatchInput', name: 'boxes', kind: ['object_detection_prediction'] }],
      steps: [{ type: 'Crop', name: 'cropping', image: '$inputs.image', predictions: '$inputs.boxes' }],
      outputs: [{ type: 'JsonField', name: 'crops', selector: '$steps.cropping.crops' }],
    });
    const { Detections } = await import('@flow/kinds');
    await expect(workflow.run({ image: await png(10, 10), boxes: new Detections([[0, 0, 5, 5]], [1], [0]) })).rejects.toThrow(
      'Step `cropping` (roboflow_core/dynamic_crop@v1) failed: Detections passed to the crop step lack the `detection_id` column',
    );
  });
});
