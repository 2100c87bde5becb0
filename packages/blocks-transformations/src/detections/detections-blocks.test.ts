import { silentLogger, type BlockContext } from '@flow/engine';
import { Detections } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { offsetDetections } from './detection-offset.js';
import { replaceDetectionsClasses } from './detections-classes-replacement.js';
import { detectionsFilterV1, detectionsTransformationV1 } from './detections-transformation.js';
import { extractLeadingClass, fallbackClassIdWhenUnset } from './extract-leading-class.js';
import { mergeCropPredictions } from './merge-crop-predictions.js';

const context = (name = 'step'): BlockContext => ({ signal: new AbortController().signal, logger: silentLogger, services: {}, usage: { record() {} }, step: { name, type: 'x' } });
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const animals = () => new Detections([[10, 20, 30, 40], [11, 21, 31, 41]], [0.36, 0.91], [7, 7], { class_name: ['animal', 'animal'], detection_id: ['zero', 'one'] });
const multiLabel = (parent: string, cat: number, dog: number, predicted: string[]) => ({
  image: { width: 128, height: 256 },
  predictions: { cat: { class_id: 0, confidence: cat }, dog: { class_id: 1, confidence: dog } },
  predicted_classes: predicted,
  parent_id: parent,
});
const multiClass = (parent: string, predictions: Array<{ class: string; class_id: number; confidence: number }>, top = 'cat') => ({
  image: { width: 128, height: 256 },
  predictions,
  top,
  confidence: 0.6,
  parent_id: parent,
});
const replace = (classifications: unknown[] | null, fallback_class_name: string | null = null, fallback_class_id: number | null = null, detections: Detections | null = animals()) =>
  replaceDetectionsClasses({ object_detection_predictions: detections, classification_predictions: classifications, fallback_class_name, fallback_class_id });

describe('detections_classes_replacement (reference test_detections_classes_replacement)', () => {
  it('gives null for null detections and an empty set without classifications', () => {
    expect(replace([multiLabel('zero', 0.6, 0.4, ['cat'])], null, null, null)).toBeNull();
    expect(replace([])!.length).toBe(0);
    expect(replace(null)!.length).toBe(0);
  });

  it('multi-label results: the most confident class, found by parent id; new detection ids', () => {
    const result = replace([multiLabel('zero', 0.6, 0.4, ['cat', 'dog']), multiLabel('one', 0.2, 0.4, ['dog'])])!;
    expect(result.xyxy).toEqual([[10, 20, 30, 40], [11, 21, 31, 41]]);
    expect(result.confidence).toEqual([0.6, 0.4]);
    expect(result.classId).toEqual([0, 1]);
    expect(result.data.class_name).toEqual(['cat', 'dog']);
    expect(result.data.detection_id).not.toEqual(['zero', 'one']);
    expect(result.data.detection_id![0]).toMatch(uuid);
  });

  it('multi-class results: the top class', () => {
    const predictions = [
      { class: 'cat', class_id: 0, confidence: 0.6 },
      { class: 'dog', class_id: 1, confidence: 0.4 },
    ];
    const result = replace([multiClass('zero', predictions), multiClass('one', predictions, 'dog')])!;
    expect(result.classId).toEqual([0, 1]);
    expect(result.confidence).toEqual([0.6, 0.4]);
    expect(result.data.class_name).toEqual(['cat', 'dog']);
  });

  it('drops a detection whose crop got no class', () => {
    const result = replace([multiLabel('zero', 0.6, 0.4, ['cat', 'dog']), multiLabel('one', 0.2, 0.4, [])])!;
    expect(result.xyxy).toEqual([[10, 20, 30, 40]]);
    expect(result.data.class_name).toEqual(['cat']);
    expect(result.data.detection_id).toHaveLength(1);
  });

  it('empty classifications without a fallback give no detections', () => {
    expect(replace([multiClass('zero', [], 'cat')])!.length).toBe(0);
  });

  it('uses the fallback class (confidence 0) for crops with empty predictions', () => {
    const predictions = [{ class: 'cat', class_id: 0, confidence: 0.6 }];
    const result = replace([multiClass('zero', predictions), multiClass('one', [])], 'unknown', 123)!;
    expect(result.length).toBe(2);
    expect(result.confidence[1]).toBe(0);
    expect(result.classId[1]).toBe(123);
    expect(result.data.class_name![1]).toBe('unknown');
    const withoutId = replace([multiClass('zero', predictions), multiClass('one', [])], 'unknown', null)!;
    expect(withoutId.classId[1]).toBe(fallbackClassIdWhenUnset);
  });

  it('text answers (Gemini-style lists, plain strings) go to detections in order', () => {
    const plates = new Detections([[10, 10, 50, 50], [60, 60, 100, 100], [110, 110, 150, 150]], [0.9, 0.8, 0.85], [1, 1, 1], { class_name: ['license_plate', 'license_plate', 'license_plate'], detection_id: ['id1', 'id2', 'id3'] });
    const lists = replace([['K619879'], ['C98191P'], ['K657648']], null, null, plates)!;
    expect(lists.data.class_name).toEqual(['K619879', 'C98191P', 'K657648']);
    expect(lists.confidence).toEqual([1, 1, 1]);
    expect(lists.classId).toEqual([0, 0, 0]);
    const strings = replace(['golden_retriever', 'labrador'])!;
    expect(strings.data.class_name).toEqual(['golden_retriever', 'labrador']);
    expect(replace(['golden_retriever', null])!.data.class_name).toEqual(['golden_retriever']);
    const fallback = replace(['golden_retriever', null], 'unknown', -5)!;
    expect(fallback.data.class_name).toEqual(['golden_retriever', 'unknown']);
    expect(fallback.classId).toEqual([0, fallbackClassIdWhenUnset]);
    expect(replace(['only_one'])!.data.class_name).toEqual(['only_one']);
  });
});

describe('extract_leading_class_from_prediction (reference)', () => {
  it('reads every result shape', () => {
    expect(extractLeadingClass(multiLabel('p', 0.6, 0.4, ['cat', 'dog']))).toEqual(['cat', 0, 0.6]);
    expect(extractLeadingClass({ predictions: { cat: { class_id: 0, confidence: 0 } }, predicted_classes: ['cat'] })).toBeNull();
    expect(extractLeadingClass(multiClass('p', [{ class: 'cat', class_id: 0, confidence: 0.6 }]))).toEqual(['cat', 0, 0.6]);
    expect(() => extractLeadingClass(multiClass('p', [{ class: 'dog', class_id: 1, confidence: 0.6 }]))).toThrow(/Could not resolve class id/);
    expect(extractLeadingClass('text')).toEqual(['text', 0, 1]);
    expect(extractLeadingClass(['a', 'b'])).toEqual(['a', 0, 1]);
    expect(extractLeadingClass([])).toBeNull();
    expect(extractLeadingClass([], 'fallback', 5)).toEqual(['fallback', 5, 0]);
  });
});

describe('detection_offset (reference test_detection_offset)', () => {
  const car = (box: [number, number, number, number]) =>
    new Detections([box], [0.5], [1], { detection_id: ['two'], class_name: ['car'], parent_id: ['p2'], image_dimensions: [[640, 640]] });

  it('grows boxes by half the offset on each side; the old id becomes the parent', () => {
    const result = offsetDetections(car([90, 190, 110, 210]), 50, 100);
    expect(result.xyxy[0]).toEqual([65, 140, 135, 260]);
    expect(result.data.parent_id).toEqual(['two']);
    expect(result.data.detection_id![0]).toMatch(uuid);
  });

  it('clips at the image border', () => {
    expect(offsetDetections(car([30, 40, 600, 620]), 100, 100).xyxy[0]).toEqual([0, 0, 640, 640]);
  });

  it('leaves empty detections alone', () => {
    const empty = Detections.empty();
    expect(offsetDetections(empty, 50, 50)).toBe(empty);
  });

  it('grows by percent of the box', () => {
    expect(offsetDetections(car([100, 100, 200, 300]), 50, 50, true).xyxy[0]).toEqual([75, 50, 225, 350]);
  });
});

describe('detections_filter and detections_transformation', () => {
  const detections = new Detections([[0, 0, 10, 10], [0, 0, 20, 20]], [0.3, 0.8], [0, 1], { class_name: ['a', 'b'], detection_id: ['x', 'y'] });
  const filter = [
    {
      type: 'DetectionsFilter',
      filter_operation: {
        type: 'StatementGroup',
        statements: [
          {
            type: 'BinaryStatement',
            left_operand: { type: 'DynamicOperand', operand_name: '_', operations: [{ type: 'ExtractDetectionProperty', property_name: 'class_name' }] },
            comparator: { type: 'in (Sequence)' },
            right_operand: { type: 'DynamicOperand', operand_name: 'classes' },
          },
        ],
      },
    },
  ];

  it('filters by a parameter', async () => {
    const result = (await detectionsFilterV1.run({ predictions: detections, operations: filter as never, operations_parameters: { classes: ['b'] } }, context())) as { predictions: Detections };
    expect(result.predictions.data.detection_id).toEqual(['y']);
  });

  it('refuses a chain that does not give detections back, naming the step', async () => {
    await expect(async () => detectionsTransformationV1.run({ predictions: detections, operations: [{ type: 'SequenceLength' }], operations_parameters: {} }, context('count_them'))).rejects.toThrow(
      /The operations of `count_them` turn detections into number/,
    );
  });

  it('reserves the parameter name "_"', () => {
    const result = detectionsFilterV1.manifest.safeParse({ predictions: '$steps.a.predictions', operations: filter, operations_parameters: { _: '$inputs.x' } });
    expect(result.success).toBe(false);
  });
});

describe('detections_list_rollup', () => {
  const parent = new Detections([[100, 50, 200, 150], [150, 50, 300, 150]], [0.9, 0.9], [0, 0], { root_parent_dimensions: [[480, 640], [480, 640]] });
  const child = (box: [number, number, number, number], confidence: number, classId = 3) =>
    new Detections([box], [confidence], [classId], { class_name: [`class-${classId}`], detection_id: ['c'], parent_id: ['crop'], image_dimensions: [[100, 100]] });

  it('moves child detections into the parent image and merges overlapping ones of a class', () => {
    const { detections, zones } = mergeCropPredictions(parent, [child([60, 10, 90, 40], 0.9), child([0, 10, 30, 40], 0.5)]);
    expect(zones).toEqual([
      [[100, 50], [200, 50], [200, 150], [100, 150]],
      [[150, 50], [300, 50], [300, 150], [150, 150]],
    ]);
    expect(detections.xyxy).toEqual([[150, 60, 190, 90]]);
    expect(detections.confidence).toEqual([Math.fround(0.9)]);
    expect(detections.data.image_dimensions).toEqual([[480, 640]]);
    expect(detections.data.class_name).toEqual(['class-3']);
  });

  it('keeps classes apart and combines confidences as asked', () => {
    const separate = mergeCropPredictions(parent, [child([60, 10, 90, 40], 0.9, 3), child([0, 10, 30, 40], 0.5, 4)]).detections;
    expect(separate.classId).toEqual([3, 4]);
    expect(mergeCropPredictions(parent, [child([60, 10, 90, 40], 0.9), child([0, 10, 30, 40], 0.5)], 'mean').detections.confidence).toEqual([Math.fround(0.7)]);
    expect(mergeCropPredictions(parent, [child([60, 10, 90, 40], 0.9), child([0, 10, 30, 40], 0.5)], 'max', 0.9).detections.length).toBe(2);
  });

  it('refuses mismatched lists and parents without root dimensions', () => {
    expect(() => mergeCropPredictions(parent, [child([0, 0, 1, 1], 1)])).toThrow(/must match number of child predictions/);
    expect(() => mergeCropPredictions(new Detections([[0, 0, 1, 1]], [1], [0]), [child([0, 0, 1, 1], 1)])).toThrow(/root_parent_dimensions/);
  });

  it('merges keypoint detections whose keypoints lie close, averaging boxes and keypoints', () => {
    const keypointChild = (box: [number, number, number, number], points: number[][], confidence: number) =>
      new Detections([box], [confidence], [0], { class_name: ['person'], prediction_type: ['keypoint-detection'], keypoints_xy: [points], keypoints_confidence: [[0.8, 0.6]], keypoints_class_name: [['nose', 'eye']] });
    const parentOfTwo = new Detections([[100, 50, 200, 150], [102, 52, 200, 150]], [0.9, 0.9], [0, 0], { root_parent_dimensions: [[480, 640], [480, 640]] });
    const { detections } = mergeCropPredictions(parentOfTwo, [keypointChild([0, 0, 10, 10], [[1, 1], [5, 5]], 0.7), keypointChild([0, 0, 10, 10], [[1, 1], [5, 5]], 0.9)]);
    expect(detections.length).toBe(1);
    expect(detections.xyxy).toEqual([[101, 51, 111, 61]]);
    expect(detections.data.keypoints_xy).toEqual([[[102, 52], [106, 56]]]);
    expect(detections.confidence).toEqual([Math.fround(0.9)]);
    const far = mergeCropPredictions(parentOfTwo, [keypointChild([0, 0, 10, 10], [[1, 1], [5, 5]], 0.7), keypointChild([0, 0, 10, 10], [[1, 1], [5, 5]], 0.9)], 'max', 0, 1);
    expect(far.detections.length).toBe(2);
  });
});
