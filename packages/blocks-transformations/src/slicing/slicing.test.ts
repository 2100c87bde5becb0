import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { Detections, WorkflowImage } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { transformationsPack } from '../pack.js';
import { gradientPng } from '../testing/gradient-image.js';
import { detectionsStitchV1 } from './detections-stitch.js';
import { imageSlicerV1, imageSlicerV2 } from './image-slicer.js';
import { nonMaxMerge, nonMaxSuppression } from './overlap-filter.js';

const context = {} as never;
const origins = (slices: Array<{ slices: WorkflowImage }>) => slices.map(({ slices: slice }) => [slice.rootParentOrigin.offsetX, slice.rootParentOrigin.offsetY, slice.width, slice.height]);

describe('image_slicer', () => {
  // The reference's unit tests for both versions, restated.
  it('v1 tiles from the top-left corner', async () => {
    const image = WorkflowImage.fromBytes(await gradientPng(512, 256), { parentId: 'parent' });
    const slices = (await imageSlicerV1.run({ image, slice_width: 256, slice_height: 128, overlap_ratio_width: 0, overlap_ratio_height: 0 }, context)) as Array<{ slices: WorkflowImage }>;
    expect(origins(slices)).toEqual([
      [0, 0, 256, 128],
      [256, 0, 256, 128],
      [0, 128, 256, 128],
      [256, 128, 256, 128],
    ]);
    expect(slices.every(({ slices: slice }) => slice.parentId.startsWith('image_slicer.'))).toBe(true);
  });

  it('v1 cuts border tiles short, v2 pushes them inside and drops repeats', async () => {
    const image = WorkflowImage.fromBytes(await gradientPng(512, 256), { parentId: 'parent' });
    const options = { image, slice_width: 200, slice_height: 100, overlap_ratio_width: 0.1, overlap_ratio_height: 0.2 };
    const v2 = (await imageSlicerV2.run(options, context)) as Array<{ slices: WorkflowImage }>;
    expect(origins(v2)).toEqual([0, 80, 156].flatMap((y) => [0, 180, 312].map((x) => [x, y, 200, 100])));
    const v1 = (await imageSlicerV1.run(options, context)) as Array<{ slices: WorkflowImage }>;
    expect(v1).toHaveLength(12);
    expect(origins(v1).slice(0, 3)).toEqual([
      [0, 0, 200, 100],
      [180, 0, 200, 100],
      [360, 0, 152, 100],
    ]);
    expect(origins(v1).at(-1)).toEqual([360, 240, 152, 16]);
  });

  it('v2 makes one slice when the slice is larger than the image', async () => {
    const image = WorkflowImage.fromBytes(await gradientPng(512, 256), { parentId: 'parent' });
    expect(origins((await imageSlicerV2.run({ image, slice_width: 1000, slice_height: 1000, overlap_ratio_width: 0.2, overlap_ratio_height: 0.2 }, context)) as never)).toEqual([[0, 0, 512, 256]]);
  });
});

const detections = (boxes: Array<[number, number, number, number]>, options: { offset?: [number, number]; confidence?: number[]; classId?: number[] } = {}) =>
  new Detections(boxes, options.confidence ?? boxes.map(() => 0.9), options.classId ?? boxes.map(() => 0), {
    class_name: boxes.map((_, row) => `class_${options.classId?.[row] ?? 0}`),
    ...(options.offset ? { parent_coordinates: boxes.map(() => options.offset!), parent_dimensions: boxes.map(() => [1000, 1000]) } : {}),
  });

describe('detections_stitch@v1', () => {
  const reference = async (width = 1000, height = 1000) => WorkflowImage.fromBytes(await gradientPng(width, height), { parentId: 'reference' });

  // Restated from the reference's unit tests.
  it('moves each set by its crop offset and merges them', async () => {
    const result = (await detectionsStitchV1.run(
      { reference_image: await reference(), predictions: [detections([[10, 10, 50, 50]], { offset: [100, 100] }), detections([[20, 20, 60, 60]], { offset: [500, 500] })], overlap_filtering_strategy: 'none', iou_threshold: 0.3 },
      context,
    )) as { predictions: Detections };
    expect(result.predictions.xyxy).toEqual([
      [110, 110, 150, 150],
      [520, 520, 560, 560],
    ]);
    expect(result.predictions.data.parent_id).toEqual(['reference', 'reference']);
    expect(result.predictions.data.image_dimensions).toEqual([
      [1000, 1000],
      [1000, 1000],
    ]);
  });

  it('passes empty sets through and refuses detections without crop offsets', async () => {
    const image = await reference(100, 100);
    const empty = (await detectionsStitchV1.run({ reference_image: image, predictions: [Detections.empty()], overlap_filtering_strategy: 'nms', iou_threshold: 0.3 }, context)) as { predictions: Detections };
    expect(empty.predictions.length).toBe(0);
    expect(() => detectionsStitchV1.run({ reference_image: image, predictions: [detections([[0, 0, 1, 1]])], overlap_filtering_strategy: 'none', iou_threshold: 0.3 }, context)).toThrow(/parent_coordinates/);
  });

  it('removes duplicates of overlapping slices with NMS (per class) or merges them with NMM', () => {
    const set = detections(
      [
        [0, 0, 10, 10],
        [1, 0, 11, 10],
        [1, 0, 11, 10],
        [50, 50, 60, 60],
      ],
      { confidence: [0.8, 0.9, 0.7, 0.5], classId: [0, 0, 1, 0] },
    );
    expect(nonMaxSuppression(set, 0.5).xyxy).toEqual([
      [1, 0, 11, 10],
      [1, 0, 11, 10],
      [50, 50, 60, 60],
    ]);
    const merged = nonMaxMerge(set, 0.5);
    expect(merged.xyxy).toEqual([
      [0, 0, 11, 10],
      [50, 50, 60, 60],
      [1, 0, 11, 10],
    ]);
    expect(merged.confidence[0]).toBeCloseTo(0.85);
  });

  it('slices, detects per slice and stitches the detections back in the image (a SAHI workflow)', async () => {
    const engine = createEngine({ packs: [transformationsPack, formattersPack] });
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'answer' }],
      steps: [
        { type: 'roboflow_core/image_slicer@v2', name: 'slicer', image: '$inputs.image', slice_width: 100, slice_height: 100, overlap_ratio_width: 0.5, overlap_ratio_height: 0 },
        { type: 'roboflow_core/vlm_as_detector@v2', name: 'detection', image: '$steps.slicer.slices', vlm_output: '$inputs.answer', classes: ['cat'], model_type: 'openai', task_type: 'object-detection' },
        { type: 'roboflow_core/detections_stitch@v1', name: 'stitch', reference_image: '$inputs.image', predictions: '$steps.detection.predictions', overlap_filtering_strategy: 'none' },
        { type: 'roboflow_core/detections_stitch@v1', name: 'stitch_nms', reference_image: '$inputs.image', predictions: '$steps.detection.predictions', iou_threshold: 0.1 },
      ],
      outputs: [
        { type: 'JsonField', name: 'all', selector: '$steps.stitch.predictions' },
        { type: 'JsonField', name: 'deduplicated', selector: '$steps.stitch_nms.predictions' },
      ],
    });
    // Slices at x = 0, 50, 100 (200 x 100 image); each answer: a box over the whole slice.
    const answer = JSON.stringify({ detections: [{ x_min: 0, y_min: 0, x_max: 1, y_max: 1, class_name: 'cat', confidence: 0.9 }] });
    const outputs = await workflow.run({ image: { type: 'base64', value: (await gradientPng(200, 100)).toString('base64') }, answer });
    expect((outputs[0]!.all as Detections).xyxy).toEqual([
      [0, 0, 100, 100],
      [50, 0, 150, 100],
      [100, 0, 200, 100],
    ]);
    // Equal confidences: the last box is kept first (numpy's flipped argsort) and suppresses the middle one.
    expect((outputs[0]!.deduplicated as Detections).xyxy).toEqual([
      [0, 0, 100, 100],
      [100, 0, 200, 100],
    ]);
    const [serialized] = workflow.serialize(outputs);
    expect(serialized!.all).toMatchObject({ image: { width: 200, height: 100 }, predictions: [{ x: 50, y: 50, width: 100, height: 100, parent_id: 'image' }, {}, {}] });
  });
});
