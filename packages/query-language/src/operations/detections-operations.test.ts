import { Detections } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { InvalidInputTypeError, OperationError, UndeclaredSymbolError } from '../errors.js';
import { SingleDetection } from '../detections/single-detection.js';
import { executeOperations } from '../validation/compile-definitions.js';

const pick = [{ type: 'PickDetectionsByParentClass', parent_class: 'a' }];

describe('DetectionsToDictionary (reference test_detections_operations)', () => {
  it('refuses a value that is not detections', () => {
    expect(() => executeOperations('invalid', [{ type: 'DetectionsToDictionary' }])).toThrow(InvalidInputTypeError);
  });

  it('writes the wire form', () => {
    const detections = new Detections([[0, 1, 2, 3], [4, 5, 6, 7]], [0.3, 0.4], [0, 1], {
      class_name: ['cat', 'dog'],
      detection_id: ['one', 'two'],
      image_dimensions: [[192, 168], [192, 168]],
    });
    expect(executeOperations(detections, [{ type: 'DetectionsToDictionary' }])).toEqual({
      image: { width: 168, height: 192 },
      predictions: [
        { width: 2, height: 2, x: 1, y: 2, confidence: 0.3, class_id: 0, class: 'cat', detection_id: 'one' },
        { width: 2, height: 2, x: 5, y: 6, confidence: 0.4, class_id: 1, class: 'dog', detection_id: 'two' },
      ],
    });
  });

  it('fails on detections without class names and ids', () => {
    const detections = new Detections([[0, 1, 2, 3], [4, 5, 6, 7]], [0.3, 0.4], [0, 1]);
    expect(() => executeOperations(detections, [{ type: 'DetectionsToDictionary' }])).toThrow(OperationError);
  });
});

describe('PickDetectionsByParentClass (reference test_detections_operations)', () => {
  it('refuses a value that is not detections', () => {
    expect(() => executeOperations('FOR SURE NOT DETECTIONS', pick)).toThrow(InvalidInputTypeError);
  });

  it('gives a new empty set for empty detections', () => {
    const detections = Detections.empty();
    const result = executeOperations(detections, pick) as Detections;
    expect(result).not.toBe(detections);
    expect(result.length).toBe(0);
  });

  it('gives nothing without class names or without the parent class', () => {
    expect((executeOperations(new Detections([[0, 1, 2, 3], [4, 5, 6, 7]], [0.3, 0.4], [0, 1]), pick) as Detections).length).toBe(0);
    expect((executeOperations(new Detections([[0, 1, 2, 3], [4, 5, 6, 7]], [0.3, 0.4], [0, 1], { class_name: ['c', 'd'] }), pick) as Detections).length).toBe(0);
  });

  it('keeps the parents when no child lies inside them', () => {
    const detections = new Detections([[0, 0, 10, 10], [20, 20, 30, 30], [40, 40, 50, 50]], [0.3, 0.4, 0.5], [0, 0, 1], { class_name: ['a', 'a', 'b'] });
    const result = executeOperations(detections, pick) as Detections;
    expect(result.xyxy).toEqual([[0, 0, 10, 10], [20, 20, 30, 30]]);
    expect(result.confidence).toEqual([0.3, 0.4]);
  });

  it('keeps children whose centre lies in the parent', () => {
    const detections = new Detections([[0, 0, 50, 50], [20, 20, 30, 30], [40, 40, 50, 50]], [0.3, 0.4, 0.5], [0, 1, 1], { class_name: ['a', 'b', 'b'] });
    const result = executeOperations(detections, pick) as Detections;
    expect(result.xyxy).toEqual([[0, 0, 50, 50], [20, 20, 30, 30], [40, 40, 50, 50]]);
    expect(result.confidence).toEqual([0.3, 0.4, 0.5]);
  });

  it('puts every parent first, then the children of any parent', () => {
    const detections = new Detections(
      [[0, 0, 50, 50], [20, 20, 30, 30], [40, 40, 50, 50], [100, 100, 200, 200], [150, 100, 250, 200], [400, 400, 600, 600]],
      [0.3, 0.4, 0.5, 0.6, 0.7, 0.9],
      [0, 1, 1, 0, 2, 3],
      { class_name: ['a', 'b', 'b', 'a', 'c', 'd'] },
    );
    const result = executeOperations(detections, pick) as Detections;
    expect(result.xyxy).toEqual([[0, 0, 50, 50], [100, 100, 200, 200], [20, 20, 30, 30], [40, 40, 50, 50], [150, 100, 250, 200]]);
    expect(result.confidence).toEqual([0.3, 0.6, 0.4, 0.5, 0.7]);
  });
});

const twoBoxes = () => new Detections([[0, 1, 2, 3], [0, 1, 2, 3]], [0.3, 0.4], [10, 11], { class_name: ['a', 'b'] });
const rename = (classMap: unknown, strict: unknown, globalParameters: Record<string, unknown> = {}) =>
  executeOperations(twoBoxes(), [{ type: 'DetectionsRename', class_map: classMap, strict, new_classes_id_offset: 1024 }], globalParameters) as Detections;

describe('DetectionsRename (reference detections/test_base)', () => {
  it('refuses a value that is not detections', () => {
    expect(() => executeOperations('invalid', [{ type: 'DetectionsRename', class_map: { a: 'b' }, strict: true, new_classes_id_offset: 0 }])).toThrow(InvalidInputTypeError);
  });

  it('strict, all classes mapped: ids are positions of the sorted new names', () => {
    const result = rename({ a: 'A', b: 'B' }, true);
    expect(result.xyxy).toEqual([[0, 1, 2, 3], [0, 1, 2, 3]]);
    expect(result.confidence).toEqual([0.3, 0.4]);
    expect(result.classId).toEqual([0, 1]);
    expect(result.data.class_name).toEqual(['A', 'B']);
  });

  it('strict, a class not mapped: fails', () => {
    expect(() => rename({ a: 'A' }, true)).toThrow(OperationError);
    expect(() => rename({ a: 'A' }, true)).toThrow("Class 'b' not found in class_map.");
  });

  it('not strict, all classes mapped: new names get ids from the offset', () => {
    const result = rename({ a: 'A', b: 'B' }, false);
    expect(result.classId).toEqual([1024, 1025]);
    expect(result.data.class_name).toEqual(['A', 'B']);
  });

  it('not strict, some classes mapped: the others keep their ids', () => {
    const result = rename({ a: 'A' }, false);
    expect(result.classId).toEqual([1024, 11]);
    expect(result.data.class_name).toEqual(['A', 'b']);
  });

  it('without class names, not strict: the detections pass unchanged', () => {
    const detections = new Detections([[0, 1, 2, 3], [0, 1, 2, 3]], [0.3, 0.4], [10, 11]);
    const result = executeOperations(detections, [{ type: 'DetectionsRename', class_map: { a: 'A' }, strict: false }]) as Detections;
    expect(result.length).toBe(2);
    expect(result.classId).toEqual([10, 11]);
    expect(result.data).not.toHaveProperty('class_name');
    expect(() => executeOperations(detections, [{ type: 'DetectionsRename', class_map: { a: 'A' }, strict: true }])).toThrow(/carry no `class_name` field/);
  });

  it('empty detections are left alone in both modes', () => {
    for (const strict of [true, false]) {
      expect((executeOperations(Detections.empty(), [{ type: 'DetectionsRename', class_map: { a: 'A' }, strict }]) as Detections).length).toBe(0);
    }
  });

  it('takes the mapping and the flag from parameters', () => {
    const result = rename('class_map_param', 'strict_param', { strict_param: true, class_map_param: { a: 'A', b: 'B' } });
    expect(result.classId).toEqual([0, 1]);
    expect(result.data.class_name).toEqual(['A', 'B']);
    expect(() => rename('missing', true)).toThrow(UndeclaredSymbolError);
    expect(() => rename('class_map_param', 'strict_param', { strict_param: 'yes', class_map_param: {} })).toThrow(InvalidInputTypeError);
  });

  it('never changes the input', () => {
    const detections = twoBoxes();
    executeOperations(detections, [{ type: 'DetectionsRename', class_map: { a: 'A', b: 'B' } }]);
    expect(detections.data.class_name).toEqual(['a', 'b']);
    expect(detections.classId).toEqual([10, 11]);
  });
});

const sample = () =>
  new Detections([[10, 20, 30, 60], [0, 0, 5, 5], [100, 10, 121, 31]], [0.5, 0.9, 0.7], [1, 0, 1], {
    class_name: ['dog', 'cat', 'dog'],
    detection_id: ['d1', 'd2', 'd3'],
    area_px: [800, 25, 441],
  });

describe('detections properties, selection, sorting, offset and shift', () => {
  it('extracts properties: boxes, anchors rounded half to even, data columns', () => {
    const extract = (property_name: string) => executeOperations(sample(), [{ type: 'DetectionsPropertyExtract', property_name }]);
    expect(extract('class_name')).toEqual(['dog', 'cat', 'dog']);
    expect(extract('confidence')).toEqual([0.5, 0.9, 0.7]);
    expect(extract('x_max')).toEqual([30, 5, 121]);
    expect(extract('size')).toEqual([800, 25, 441]);
    expect(extract('center')).toEqual([[20, 40], [2, 2], [110, 20]]);
    expect(extract('bottom_right')).toEqual([[30, 60], [5, 5], [121, 31]]);
    expect(extract('area_px')).toEqual([800, 25, 441]);
    expect(() => extract('polygon')).toThrow(OperationError);
    expect(() => executeOperations([1], [{ type: 'DetectionsPropertyExtract', property_name: 'class_name' }])).toThrow(InvalidInputTypeError);
  });

  it('counts detections with SequenceLength', () => {
    expect(executeOperations(sample(), [{ type: 'SequenceLength' }])).toBe(3);
  });

  it('selects one detection', () => {
    const select = (mode: string) => (executeOperations(sample(), [{ type: 'DetectionsSelection', mode }]) as Detections).data.detection_id;
    expect(select('first')).toEqual(['d1']);
    expect(select('last')).toEqual(['d3']);
    expect(select('top_confidence')).toEqual(['d2']);
    expect(select('left_most')).toEqual(['d2']);
    expect(select('right_most')).toEqual(['d3']);
    expect((executeOperations(Detections.empty(), [{ type: 'DetectionsSelection', mode: 'first' }]) as Detections).length).toBe(0);
  });

  it('sorts both ways', () => {
    const sort = (mode: string, ascending?: boolean) => (executeOperations(sample(), [{ type: 'SortDetections', mode, ascending }]) as Detections).data.detection_id;
    expect(sort('confidence')).toEqual(['d1', 'd3', 'd2']);
    expect(sort('confidence', false)).toEqual(['d2', 'd3', 'd1']);
    expect(sort('center_x')).toEqual(['d2', 'd1', 'd3']);
    expect(sort('size', false)).toEqual(['d1', 'd3', 'd2']);
  });

  it('grows boxes around their centre and shifts them, leaving the input alone', () => {
    const detections = sample();
    const grown = executeOperations(detections, [{ type: 'DetectionsOffset', offset_x: 10, offset_y: 4 }]) as Detections;
    expect(grown.xyxy[0]).toEqual([5, 18, 35, 62]);
    const shifted = executeOperations(detections, [{ type: 'DetectionsShift', shift_x: 1, shift_y: -1 }]) as Detections;
    expect(shifted.xyxy[1]).toEqual([1, -1, 6, 4]);
    expect(detections.xyxy[0]).toEqual([10, 20, 30, 60]);
  });
});

describe('DetectionsFilter and ExtractDetectionProperty (reference detection/test_base)', () => {
  const byConfidence = () => ({
    type: 'DetectionsFilter',
    filter_operation: {
      type: 'StatementGroup',
      statements: [
        {
          type: 'BinaryStatement',
          left_operand: { type: 'DynamicOperand', operations: [{ type: 'ExtractDetectionProperty', property_name: 'confidence' }] },
          comparator: { type: '(Number) >=' },
          right_operand: { type: 'DynamicOperand', operand_name: 'threshold' },
        },
      ],
    },
  });

  it('keeps the detections the statement holds for, with parameters from the scope', () => {
    const result = executeOperations(sample(), [byConfidence()], { threshold: 0.7 }) as Detections;
    expect(result.data.detection_id).toEqual(['d2', 'd3']);
  });

  it('names an undeclared parameter', () => {
    expect(() => executeOperations(sample(), [byConfidence()])).toThrow(/Encountered undefined symbol `threshold`/);
  });

  const detection = new SingleDetection([0, 0, 50, 50], 0.9, 1, { class_name: 'leaf', area_px: 400, area_converted: 4, keypoints_xy: [[10, 20], [30, 40]], polygon: [[0, 0], [10, 0], [10, 10]] });

  it.each([
    ['area_px', 400],
    ['area_converted', 4],
    ['keypoints_xy', [[10, 20], [30, 40]]],
    ['polygon', [[0, 0], [10, 0], [10, 10]]],
    ['class_name', 'leaf'],
    ['center', [25, 25]],
    ['size', 2500],
    ['tracker_id', null],
  ])('extracts %s of one detection', (property_name, expected) => {
    expect(executeOperations(detection, [{ type: 'ExtractDetectionProperty', property_name }])).toEqual(expected);
  });

  it('refuses a value that is not one detection', () => {
    expect(() => executeOperations(sample(), [{ type: 'ExtractDetectionProperty', property_name: 'confidence' }])).toThrow(/6-elements tuple/);
  });
});
