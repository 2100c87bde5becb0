import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeDetections, type Detections } from '@flow/kinds';
import { expect } from 'vitest';
import type { PythonValue } from '../json/python-json.js';

/** Reads a copied vector file from `src/__fixtures__`. */
export function loadFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../__fixtures__/${name}`, import.meta.url)), 'utf8')) as T;
}

export interface VectorImage {
  height: number;
  width: number;
  parent_id: string;
}

/** What the reference computed for a Detections value (vector `computed.predictions` / `computed.result`). */
export interface ComputedDetections {
  num_detections: number;
  xyxy: number[][];
  class_id: number[];
  class_name: string[] | null;
  confidence: number[];
  data_keys: string[];
  data: Record<string, unknown[]>;
  serialized: unknown;
}

/**
 * A vector's JSON value as the reference parser saw it: objects become null-prototype dicts (as the
 * Python-compatible decoder makes them) and `{"__float__": "nan"}` becomes NaN.
 */
export function toPython(value: unknown): PythonValue {
  if (Array.isArray(value)) return value.map(toPython);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Object.keys(record).length === 1 && typeof record.__float__ === 'string') return Number(record.__float__ === 'nan' ? Number.NaN : record.__float__);
    const dict = Object.create(null) as Record<string, PythonValue>;
    for (const [key, item] of Object.entries(record)) dict[key] = toPython(item);
    return dict;
  }
  return value as PythonValue;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const placeholderPattern = /^<uuid-\d+>$/;

/**
 * Compares `actual` with a vector value exactly (numbers with `Object.is`, so -0 and 0 differ and NaN
 * equals NaN). A `<uuid-N>` placeholder must be a UUID v4 string; one placeholder always stands for the
 * same id and different placeholders for different ids (`bindings` carries this across calls).
 */
export function expectMatches(actual: unknown, expected: unknown, bindings = new Map<string, string>(), path = '$'): Map<string, string> {
  if (typeof expected === 'string' && placeholderPattern.test(expected)) {
    expect(actual, `${path} should be a UUID v4`).toMatch(uuidPattern);
    const bound = bindings.get(expected);
    if (bound === undefined) {
      expect([...bindings.values()], `${path}: ${expected} must differ from the other placeholders' ids`).not.toContain(actual);
      bindings.set(expected, actual as string);
    } else {
      expect(actual, `${path}: ${expected} must be the same id everywhere`).toBe(bound);
    }
    return bindings;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} should be a list`).toBe(true);
    expect((actual as unknown[]).length, `${path} length`).toBe(expected.length);
    expected.forEach((item, index) => expectMatches((actual as unknown[])[index], item, bindings, `${path}[${index}]`));
    return bindings;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${path} should be an object`).toBe(true);
    expect(Object.keys(actual as object), `${path} keys (in order)`).toEqual(Object.keys(expected));
    for (const [key, item] of Object.entries(expected)) expectMatches((actual as Record<string, unknown>)[key], item, bindings, `${path}.${key}`);
    return bindings;
  }
  if (typeof expected === 'number') {
    expect(Object.is(actual, expected), `${path}: ${String(actual)} should be exactly ${String(expected)}`).toBe(true);
    return bindings;
  }
  expect(actual, path).toBe(expected);
  return bindings;
}

/** Checks Detections against the reference's computed form: every column, every data column and the wire form. */
export function expectDetectionsMatch(actual: Detections, expected: ComputedDetections, bindings = new Map<string, string>()): Map<string, string> {
  expect(actual.length).toBe(expected.num_detections);
  expectMatches(actual.xyxy, expected.xyxy, bindings, 'xyxy');
  expectMatches(actual.classId, expected.class_id, bindings, 'class_id');
  expectMatches(actual.confidence, expected.confidence, bindings, 'confidence');
  expectMatches(actual.data.class_name ?? null, expected.class_name, bindings, 'class_name');
  expect(Object.keys(actual.data).sort()).toEqual([...expected.data_keys].sort());
  for (const [column, values] of Object.entries(expected.data)) expectMatches(actual.data[column], values, bindings, `data.${column}`);
  expectMatches(serializeDetections(actual), expected.serialized, bindings, 'serialized');
  return bindings;
}
