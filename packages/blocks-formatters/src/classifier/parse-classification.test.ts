import { describe, expect, it } from 'vitest';
import { testImage } from '../test-support/test-image.js';
import { parseClassifierOutput, type MultiLabelClassification, type SingleLabelClassification } from './parse-classification.js';

const image = testImage(168, 192);

function classify(vlmOutput: string, classes: readonly unknown[] = ['car', 'cat']) {
  const warnings: Array<Record<string, unknown> | undefined> = [];
  const result = parseClassifierOutput({ image, vlmOutput, classes, logger: { warn: (_message, fields) => warnings.push(fields) } });
  expect(warnings.filter((fields) => fields?.unexpected)).toEqual([]);
  return result;
}

function fails(vlmOutput: string, classes?: readonly unknown[]): void {
  const result = classify(vlmOutput, classes);
  expect(result).toEqual({ error_status: true, predictions: null, inference_id: result.inference_id });
}

describe('parseClassifierOutput: shape selection by key membership', () => {
  it('needs `class_name` and `confidence` together for single-label, else `predicted_classes`', () => {
    expect((classify('{"class_name": "cat", "confidence": 0.5, "predicted_classes": []}').predictions as SingleLabelClassification).top).toBe('cat');
    expect((classify('{"class_name": "cat", "predicted_classes": []}').predictions as MultiLabelClassification).predicted_classes).toEqual([]);
    fails('{"class_name": "cat"}');
    fails('{"some": "data"}');
  });

  it('returns an error status (the reference raises for number, bool and null roots) for every non-object root', () => {
    for (const root of ['["class_name", "confidence"]', '"class_name confidence predicted_classes"', '5', 'true', 'null', 'NaN']) fails(root);
  });

  it('shares one inference id between the output and the prediction', () => {
    const result = classify('{"class_name": "cat", "confidence": 1}');
    expect((result.predictions as SingleLabelClassification).inference_id).toBe(result.inference_id);
    expect((result.predictions as SingleLabelClassification).parent_id).toBe('parent');
  });
});

describe('single-label answers', () => {
  it('lists an unknown top class first with id -1, then every class', () => {
    const prediction = classify('{"class_name": "dog", "confidence": "0.7"}').predictions as SingleLabelClassification;
    expect(prediction.predictions).toEqual([
      { class: 'dog', class_id: -1, confidence: 0.7 },
      { class: 'car', class_id: 0, confidence: 0 },
      { class: 'cat', class_id: 1, confidence: 0 },
    ]);
    expect(prediction.image).toEqual({ width: 168, height: 192 });
  });

  it('gives a repeated class its last index at its first position', () => {
    const prediction = classify('{"class_name": "car", "confidence": 2}', ['car', 'cat', 'car']).predictions as SingleLabelClassification;
    expect(prediction.predictions).toEqual([
      { class: 'car', class_id: 2, confidence: 1 },
      { class: 'cat', class_id: 1, confidence: 0 },
    ]);
  });

  it('fails on a confidence float() rejects, and on a non-text class name (deliberate: the reference passes it through)', () => {
    fails('{"class_name": "cat", "confidence": null}');
    fails('{"class_name": "cat", "confidence": "high"}');
    fails('{"class_name": 1, "confidence": 0.5}');
    fails('{"class_name": "cat", "confidence": 0.5}', ['car', 2]);
  });

  it('keeps NaN confidences, as Python does', () => {
    expect((classify('{"class_name": "cat", "confidence": NaN}').predictions as SingleLabelClassification).confidence).toBeNaN();
  });
});

describe('multi-label answers', () => {
  it('keeps the highest confidence of a repeated class and adds unknown classes with id -1', () => {
    const prediction = classify('{"predicted_classes": [{"class": "cat", "confidence": 0.3}, {"class": "owl", "confidence": "0.6"}, {"class": "cat", "confidence": 0.7}]}')
      .predictions as MultiLabelClassification;
    expect(prediction.predictions).toEqual({
      car: { confidence: 0, class_id: 0 },
      cat: { confidence: 0.7, class_id: 1 },
      owl: { confidence: 0.6, class_id: -1 },
    });
    expect(Object.keys(prediction.predictions)).toEqual(['car', 'cat', 'owl']);
    expect(prediction.predicted_classes).toEqual(['cat', 'owl']);
  });

  it('accepts an empty list, string or object of predictions', () => {
    for (const empty of ['[]', '""', '{}']) {
      const prediction = classify(`{"predicted_classes": ${empty}}`).predictions as MultiLabelClassification;
      expect(prediction.predicted_classes).toEqual([]);
      expect(Object.keys(prediction.predictions)).toEqual(['car', 'cat']);
    }
  });

  it('fails on entries that are not objects or lack `class` / `confidence`', () => {
    fails('{"predicted_classes": ["cat"]}');
    fails('{"predicted_classes": "cat"}');
    fails('{"predicted_classes": [{"class": "cat"}]}');
    fails('{"predicted_classes": [{"confidence": 1}]}');
    fails('{"predicted_classes": 3}');
  });

  it('makes "__proto__" an ordinary class key', () => {
    const prediction = classify('{"predicted_classes": [{"class": "__proto__", "confidence": 1}]}', ['a']).predictions as MultiLabelClassification;
    expect(Object.keys(prediction.predictions)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(prediction.predictions)).toBe(Object.prototype);
    expect(JSON.stringify(prediction.predictions)).toBe('{"a":{"confidence":0,"class_id":0},"__proto__":{"confidence":1,"class_id":-1}}');
  });

  it('documents the one ordering difference: integer-like class names come first, ascending, in any JS object', () => {
    const prediction = classify('{"predicted_classes": [{"class": "2", "confidence": 1}, {"class": "10", "confidence": 1}]}', ['b']).predictions as MultiLabelClassification;
    // The reference order would be b, 2, 10; JS objects put array-index-like keys first.
    expect(Object.keys(prediction.predictions)).toEqual(['2', '10', 'b']);
    expect(prediction.predicted_classes).toEqual(['2', '10']);
  });
});

describe('parseClassifierOutput: confidences are floats on the wire', () => {
  it('writes 1.0 and 0.0 as the reference does, class ids and image size as ints', async () => {
    const { serializeValue, stringifyJson } = await import('@flow/kinds');
    const single = classify('{"class_name": "cat", "confidence": 1}').predictions;
    expect(stringifyJson(serializeValue(single))).toContain('"predictions":[{"class":"car","class_id":0,"confidence":0.0},{"class":"cat","class_id":1,"confidence":1.0}],"top":"cat","confidence":1.0,');
    expect(stringifyJson(single)).toContain('"image":{"width":168,"height":192}');
    const multi = classify('{"predicted_classes": [{"class": "car", "confidence": 1}]}').predictions;
    expect(stringifyJson(multi)).toContain('"predictions":{"car":{"confidence":1.0,"class_id":0},"cat":{"confidence":0.0,"class_id":1}}');
  });
});
