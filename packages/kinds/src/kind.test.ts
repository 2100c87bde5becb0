import { describe, expect, it } from 'vitest';
import { coreKinds, secretKind, wildcardKind } from './catalogue.js';
import { areKindsCompatible } from './kind.js';

describe('kinds', () => {
  it('are compatible when either side has the wildcard or they share a name', () => {
    expect(areKindsCompatible(['*'], ['image'])).toBe(true);
    expect(areKindsCompatible(['string'], ['*'])).toBe(true);
    expect(areKindsCompatible(['string', 'language_model_output'], ['language_model_output'])).toBe(true);
    expect(areKindsCompatible(['image'], ['string'])).toBe(false);
    expect(areKindsCompatible([], ['string'])).toBe(false);
  });

  it('catalogue has unique names and every LLM/VLM kind of the reference', () => {
    const names = coreKinds.map((kind) => kind.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of ['*', 'image', 'roboflow_api_key', 'ROBOFLOW_MANAGED_KEY', 'float_zero_to_one', 'list_of_values', 'boolean', 'integer', 'string', 'top_class', 'float', 'dictionary', 'classification_prediction', 'object_detection_prediction', 'prediction_type', 'parent_id', 'image_metadata', 'language_model_output', 'inference_id', 'secret']) {
      expect(names).toContain(name);
    }
  });

  it('masks secrets like the reference', () => {
    expect(secretKind.serialize!('short')).toBe('********');
    expect(secretKind.serialize!('sk-1234567890')).toBe('sk********90');
  });

  it('serialises nested values through the wildcard kind', () => {
    expect(wildcardKind.serialize!({ a: [new Uint8Array([1, 2, 3])], when: new Date(Date.UTC(2026, 0, 1)) })).toEqual({ a: ['AQID'], when: '2026-01-01T00:00:00.000Z' });
  });
});
