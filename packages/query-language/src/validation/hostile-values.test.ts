import { crc32 } from 'node:zlib';
import { Detections, FlowError, WorkflowImage } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { SingleDetection } from '../detections/single-detection.js';
import { executeOperations } from './compile-definitions.js';

const minimal: Record<string, Record<string, unknown>> = {
  LookupTable: { lookup_table: { a: 1 } },
  ToNumber: { cast_to: 'int' },
  NumberRound: { decimal_digits: 1 },
  SequenceMap: { lookup_table: { a: 1 } },
  SequenceApply: { operations: [{ type: 'ToString' }] },
  NumericSequenceAggregate: { function: 'max' },
  SequenceAggregate: { mode: 'most_common' },
  DetectionsPropertyExtract: { property_name: 'class_name' },
  ClassificationPropertyExtract: { property_name: 'all_classes' },
  DetectionsSelection: { mode: 'left_most' },
  ExtractDetectionProperty: { property_name: 'class_name' },
  DetectionsFilter: {
    filter_operation: { type: 'StatementGroup', statements: [{ type: 'UnaryStatement', operand: { type: 'DynamicOperand' }, operator: { type: '(Sequence) is not empty' } }] },
  },
  SortDetections: { mode: 'confidence' },
  DetectionsOffset: { offset_x: 2, offset_y: 2 },
  DetectionsShift: { shift_x: 2, shift_y: 2 },
  ExtractImageProperty: { property_name: 'size' },
  ExtractFrameMetadata: { property_name: 'seconds_since_start' },
  StringMatches: { regex: 'a' },
  Multiply: { other: 2 },
  Divide: { other: 2 },
  DetectionsRename: { class_map: { a: 'b' } },
  PickDetectionsByParentClass: { parent_class: 'a' },
};
const types = [
  'StringToLowerCase', 'StringToUpperCase', 'LookupTable', 'ToNumber', 'NumberRound', 'SequenceMap', 'SequenceApply', 'NumericSequenceAggregate',
  'SequenceAggregate', 'ToString', 'ToBoolean', 'StringSubSequence', 'DetectionsPropertyExtract', 'DetectionsToDictionary', 'ClassificationPropertyExtract',
  'DetectionsSelection', 'ExtractDetectionProperty', 'DetectionsFilter', 'SortDetections', 'DetectionsOffset', 'DetectionsShift', 'RandomNumber',
  'ExtractImageProperty', 'ExtractFrameMetadata', 'TimestampToISOFormat', 'ConvertImageToJPEG', 'ConvertDictionaryToJSON', 'ConvertImageToBase64',
  'StringMatches', 'SequenceLength', 'SequenceElementsCount', 'SequenceJoin', 'Multiply', 'Divide', 'DetectionsRename', 'PickDetectionsByParentClass',
];

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(2, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IEND', Buffer.alloc(0))]);
}

const values: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['zero', 0],
  ['NaN', NaN],
  ['text', 'a'],
  ['empty list', []],
  ['nested list', [[1], { a: 1 }]],
  ['mixed list', ['a', 1, null]],
  ['dict', { a: 1, predictions: 3 }],
  ['detections', new Detections([[0, 0, 1, 1]], [0.5], [0], { class_name: ['a'] })],
  ['bare detections', new Detections([[0, 0, 1, 1], [2, 2, 3, 3]], [0.5, 0.6], [0, 1])],
  ['one detection', new SingleDetection([0, 0, 1, 1], 0.5, 0, {})],
  ['image', WorkflowImage.fromBytes(png(), { parentId: 'image', videoMetadata: { frame_number: 'x', fps: 0 } })],
  ['date', new Date(NaN)],
  ['bytes', new Uint8Array([1, 2])],
];

describe('every operation on hostile values', () => {
  it('either gives a value or fails with a query-language error, never a bare exception', () => {
    const escaped: string[] = [];
    for (const type of types) {
      for (const [label, value] of values) {
        try {
          executeOperations(value, [{ type, ...(minimal[type] ?? {}) }]);
        } catch (error) {
          if (!FlowError.isInstance(error)) escaped.push(`${type} on ${label}: ${(error as Error).name}: ${(error as Error).message}`);
        }
      }
    }
    expect(escaped).toEqual([]);
  });
});
