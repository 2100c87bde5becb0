import { crc32 } from 'node:zlib';
import { WorkflowImage } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { InvalidInputTypeError, OperationError } from '../errors.js';
import { executeOperations } from '../validation/compile-definitions.js';

const multiClass = {
  image: { width: 128, height: 256 },
  predictions: [
    { class: 'cat', class_id: 0, confidence: 0.6 },
    { class: 'dog', class_id: 1, confidence: 0.4 },
  ],
  top: 'cat',
  confidence: 0.6,
  parent_id: 'some',
};
const multiLabel = (predicted: string[]) => ({
  image: { width: 128, height: 256 },
  predictions: { dog: { class_id: 1, confidence: 0.4 }, cat: { class_id: 0, confidence: 0.6 } },
  predicted_classes: predicted,
});
const extract = (value: unknown, property_name: string) => executeOperations(value, [{ type: 'ClassificationPropertyExtract', property_name }]);

describe('ClassificationPropertyExtract (reference test_classification_results_operations)', () => {
  it('refuses an empty value', () => {
    expect(() => extract(null, 'top_class')).toThrow(InvalidInputTypeError);
  });

  it('top_class', () => {
    expect(extract(multiClass, 'top_class')).toBe('cat');
    expect(extract(multiLabel([]), 'top_class')).toEqual([]);
    expect(extract(multiLabel(['cat', 'dog']), 'top_class')).toEqual(['cat', 'dog']);
  });

  it('top_class_confidence', () => {
    expect(extract(multiClass, 'top_class_confidence')).toBeCloseTo(0.6, 5);
    expect(extract(multiLabel([]), 'top_class_confidence')).toEqual([]);
    expect(extract(multiLabel(['dog']), 'top_class_confidence')).toEqual([0.4]);
  });

  it('top_class_confidence_single', () => {
    expect(extract(multiClass, 'top_class_confidence_single')).toBeCloseTo(0.6, 5);
    expect(extract(multiLabel(['cat', 'dog']), 'top_class_confidence_single')).toBeCloseTo(0.6, 5);
    expect(extract(multiLabel([]), 'top_class_confidence_single')).toBe(0);
  });

  it('all_classes and all_confidences, multi-label ordered by class id', () => {
    expect(extract(multiClass, 'all_classes')).toEqual(['cat', 'dog']);
    expect(extract(multiLabel([]), 'all_classes')).toEqual(['cat', 'dog']);
    expect(extract(multiClass, 'all_confidences')).toEqual([0.6, 0.4]);
    expect(extract(multiLabel([]), 'all_confidences')).toEqual([0.6, 0.4]);
  });

  it('fails clearly on a dict that is not a classification', () => {
    expect(() => extract({ foo: 1 }, 'all_classes')).toThrow(OperationError);
  });
});

function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IEND', Buffer.alloc(0))]);
}

const image = (videoMetadata?: Record<string, unknown>) => WorkflowImage.fromBytes(png(168, 192), { parentId: 'some_image', videoMetadata });

describe('images (reference test_image_operations)', () => {
  it('refuses a value that is not an image', () => {
    expect(() => executeOperations('invalid', [{ type: 'ExtractImageProperty', property_name: 'size' }])).toThrow(InvalidInputTypeError);
    expect(() => executeOperations('invalid', [{ type: 'ConvertImageToJPEG', compression_level: 75 }])).toThrow(InvalidInputTypeError);
    expect(() => executeOperations('invalid', [{ type: 'ConvertImageToBase64' }])).toThrow(InvalidInputTypeError);
  });

  it.each([
    ['size', 192 * 168],
    ['height', 192],
    ['width', 168],
    ['aspect_ratio', 168 / 192],
  ])('ExtractImageProperty %s', (property_name, expected) => {
    expect(executeOperations(image(), [{ type: 'ExtractImageProperty', property_name }])).toBe(expected);
  });

  it('ConvertImageToBase64 gives the encoded bytes as base64', () => {
    expect(Buffer.from(executeOperations(image(), [{ type: 'ConvertImageToBase64' }]) as string, 'base64')).toEqual(png(168, 192));
  });

  it('ConvertImageToJPEG cannot re-encode pixels and says so', () => {
    expect(() => executeOperations(image(), [{ type: 'ConvertImageToJPEG' }])).toThrow(/needs pixel decoding/);
  });
});

describe('video frames (reference test_video_frame_operations)', () => {
  it('refuses a value that is not an image', () => {
    expect(() => executeOperations('invalid', [{ type: 'ExtractFrameMetadata', property_name: 'frame_timestamp' }])).toThrow(InvalidInputTypeError);
  });

  it('extracts the timestamp and serialises it', () => {
    const frame = image({ frame_number: 60, fps: 30, frame_timestamp: '2024-05-01T10:20:30.5Z' });
    const timestamp = executeOperations(frame, [{ type: 'ExtractFrameMetadata', property_name: 'frame_timestamp' }]) as Date;
    expect(timestamp.toISOString()).toBe('2024-05-01T10:20:30.500Z');
    expect(executeOperations(frame, [{ type: 'ExtractFrameMetadata', property_name: 'frame_timestamp' }, { type: 'TimestampToISOFormat' }])).toBe('2024-05-01T10:20:30.500000+00:00');
  });

  it('extracts the frame number and the seconds since the start', () => {
    expect(executeOperations(image({ frame_number: 39, fps: 30 }), [{ type: 'ExtractFrameMetadata', property_name: 'frame_number' }])).toBe(39);
    expect(executeOperations(image({ frame_number: 61, fps: 30 }), [{ type: 'ExtractFrameMetadata', property_name: 'seconds_since_start' }])).toBeCloseTo(2, 5);
    expect(executeOperations(image(), [{ type: 'ExtractFrameMetadata', property_name: 'frame_number' }])).toBe(0);
  });
});
