import { describe, expect, it } from 'vitest';
import { Detections } from '../detections/detections.js';
import { serializeDetections } from '../detections/serialize-detections.js';
import { serializeValue } from '../serialize-value.js';
import { EVERY_ITEM, floatFieldsOf, markFloatFields } from './float-fields.js';
import { stringifyJson } from './stringify-json.js';

function oneDetection(confidence: number) {
  return new Detections([[200, 150, 320, 230]], [confidence], [1], {
    class_name: ['dog'],
    detection_id: ['id-0'],
    parent_id: ['image'],
    image_dimensions: [[480, 640]],
  });
}

describe('stringifyJson', () => {
  it('writes integral boxes and confidences of detections as floats, ids and image sizes as ints', () => {
    expect(stringifyJson(serializeDetections(oneDetection(1)))).toBe(
      '{"image":{"width":640,"height":480},"predictions":[{"width":120.0,"height":80.0,"x":260.0,"y":190.0,"confidence":1.0,"class_id":1,"class":"dog","detection_id":"id-0","parent_id":"image"}]}',
    );
  });

  it('gives exactly JSON.stringify when no marked field is integral', () => {
    const wire = serializeDetections(new Detections([[0.5, 0.5, 10.25, 3.75]], [0.91], [0], { class_name: ['cat'], detection_id: ['d'], image_dimensions: [[4, 4]] }));
    expect(stringifyJson(wire)).toBe(JSON.stringify(wire));
  });

  it('leaves the plain value untouched: library users still get numbers', () => {
    const wire = serializeDetections(oneDetection(1));
    stringifyJson(wire);
    expect(wire.predictions[0]!.width).toBe(120);
    expect(Object.keys(wire.predictions[0]!)).not.toContain('toJSON');
    expect(JSON.stringify(wire)).toContain('"width":120,');
  });

  it('keeps the marks through serializeValue copies and writes the pretty form too', () => {
    const copied = serializeValue({ result: serializeDetections(oneDetection(0.5)) });
    expect(stringifyJson(copied, 2)).toContain('"x": 260.0,');
    expect(stringifyJson(copied, 2)).toContain('"class_id": 1,');
  });

  it('marks every number of a float list, negative zero and negatives included; leaves huge values to JSON', () => {
    const values = markFloatFields([3, -0, -7, 0.25, 1e20], [EVERY_ITEM]);
    expect(stringifyJson({ values })).toBe('{"values":[3.0,-0.0,-7.0,0.25,100000000000000000000]}');
  });

  it('does not touch unmarked integers, strings that look like numbers, or a field marked on another object', () => {
    const record = { count: 2, text: '2', nested: markFloatFields({ score: 2, count: 2 }, ['score']) };
    expect(stringifyJson(record)).toBe('{"count":2,"text":"2","nested":{"score":2.0,"count":2}}');
  });

  it('cannot be fooled by a string that imitates the internal mark', () => {
    const imitation = '\u2063flow-float-000000000000000000:5';
    const record = { text: imitation, box: markFloatFields({ x: 5 }, ['x']) };
    expect(JSON.parse(stringifyJson(record))).toEqual({ text: imitation, box: { x: 5 } });
    expect(stringifyJson(record)).toContain('"x":5.0');
  });

  it('records float fields beside the object, not on it', () => {
    const target = markFloatFields({ x: 1 }, ['x']);
    expect(floatFieldsOf(target)).toEqual(['x']);
    expect(Object.getOwnPropertySymbols(target)).toEqual([]);
    expect(floatFieldsOf({ x: 1 })).toBeUndefined();
  });
});
