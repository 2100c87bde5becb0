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

  it('records float fields under a non-enumerable symbol, out of sight of anything that copies or lists keys', () => {
    const target = markFloatFields({ x: 1 }, ['x']);
    expect(floatFieldsOf(target)).toEqual(['x']);
    expect(Object.getOwnPropertySymbols(target).every((symbol) => !Object.getOwnPropertyDescriptor(target, symbol)!.enumerable)).toBe(true);
    expect(Reflect.ownKeys({ ...target })).toEqual(['x']);
    expect(floatFieldsOf({ x: 1 })).toBeUndefined();
  });

  it('writes exactly what JSON.stringify writes for values without marks, compact and pretty', () => {
    const date = new Date(Date.UTC(2026, 0, 2));
    const samples: unknown[] = [
      null, true, 0, -0, 1.5, -7, 1e21, 5e-7, Number.NaN, Number.POSITIVE_INFINITY, '', 'plain', 'quote " and \\ backslash', 'tab\tnew\nline\u0001', 'lone \ud800 surrogate', 'emoji 😀',
      [], {}, [undefined, () => 1, Symbol('s'), null], { skipped: undefined, fn: () => 1, kept: 1 }, { 10: 'a', 2: 'b', z: 'c', a: 'd' },
      { date, buffer: Buffer.from('hi'), nested: { deeper: [[[]], [{}], { '': 0 }] } }, new Map([[1, 2]]), new Uint8Array([1, 2]),
      // eslint-disable-next-line no-new-wrappers
      [new Number(3), new String('boxed'), new Boolean(false)], { toJSON: (key: string) => `key:${key}` }, { inner: { toJSON: (key: string) => `key:${key}` } },
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }), { 'key "quoted"': 1, 'new\nline': 2 },
    ];
    for (const sample of samples) {
      expect(stringifyJson(sample)).toBe(JSON.stringify(sample));
      expect(stringifyJson(sample, 2)).toBe(JSON.stringify(sample, null, 2));
      expect(stringifyJson(sample, 4)).toBe(JSON.stringify(sample, null, 4));
    }
    expect(stringifyJson(undefined)).toBeUndefined();
  });

  it('matches JSON.stringify on random nested values', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const make = (depth: number): unknown => {
      const pick = Math.floor(random() * (depth > 4 ? 5 : 8));
      if (pick === 0) return Math.floor(random() * 1000) - 500;
      if (pick === 1) return random() * 100;
      if (pick === 2) return random() > 0.5 ? 'text' : 'q"\\\n';
      if (pick === 3) return random() > 0.5 ? null : random() > 0.5;
      if (pick === 4) return undefined;
      if (pick < 7) return Array.from({ length: Math.floor(random() * 4) }, () => make(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, index) => [random() > 0.8 ? String(index) : `k${index}`, make(depth + 1)]));
    };
    for (let round = 0; round < 300; round++) {
      const value = make(0);
      expect(stringifyJson(value)).toBe(JSON.stringify(value));
      expect(stringifyJson(value, 2)).toBe(JSON.stringify(value, null, 2));
    }
  });

  it('fails on a cycle and a BigInt as JSON.stringify does', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    expect(() => stringifyJson(cycle)).toThrow(TypeError);
    expect(() => stringifyJson({ big: 1n })).toThrow(TypeError);
  });

  it('writes marked floats inside pretty output', () => {
    const value = { box: markFloatFields({ x: 2, y: 2.5, id: 3 }, ['x', 'y']), list: markFloatFields([1, 2], [EVERY_ITEM]) };
    expect(stringifyJson(value, 2)).toBe('{\n  "box": {\n    "x": 2.0,\n    "y": 2.5,\n    "id": 3\n  },\n  "list": [\n    1.0,\n    2.0\n  ]\n}');
  });
});
