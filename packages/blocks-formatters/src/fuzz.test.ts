import { Detections, serializeDetections } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { vlmAsClassifierV1 } from './classifier/v1.js';
import { vlmAsClassifierV2 } from './classifier/v2.js';
import { findDetectionParser, DETECTOR_TASK_TYPES, DETECTOR_V1_MODEL_TYPES, DETECTOR_V2_MODEL_TYPES } from './detector/registry.js';
import { vlmAsDetectorV1 } from './detector/v1.js';
import { vlmAsDetectorV2 } from './detector/v2.js';
import { blockContext } from './test-support/block-context.js';
import { testImage } from './test-support/test-image.js';
import { loadFixture } from './test-support/vectors.js';

/** mulberry32: small, fast, and the same sequence on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(0x5eed_f00d);
const int = (below: number) => Math.floor(random() * below);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

const vectorOutputs = [
  ...loadFixture<Array<{ vlm_output: string }>>('vlm_as_detector_v2.json'),
  ...loadFixture<Array<{ vlm_output: string }>>('vlm_as_detector_v1.json'),
  ...loadFixture<Array<{ vlm_output: string }>>('vlm_as_classifier_v1.json'),
].map((vector) => vector.vlm_output);

const templates = [
  '[{"box_2d": [100, 200, 500, 1000], "label": "cat"}, {"bbox_2d": [0, 0, 500, 500], "description": "dog"}]',
  '[{"label": "cat", "x_min": 100, "y_min": 200, "x_max": 300, "y_max": 400}]',
  '{"label": "dog", "x_min": 10, "y_min": 20, "x_max": 30, "y_max": 40}, {"label": "cat", "x_min": 1, "y_min": 2, "x_max": 3, "y_max": 4}',
  '{"detections": [{"box_2d": [10, 20, 100, 200], "label": "cat", "confidence": 0.75}]}',
  '{"bboxes": [[1.5, 2.5, 30.25, 40.125]], "labels": ["cat"], "bboxes_labels": ["dog"]}',
  '{"quad_boxes": [[1, 2, 3, 2, 3, 4, 1, 4]], "labels": ["text"]}',
  '{"class_name": "cat", "confidence": "0.9"}',
  '{"predicted_classes": [{"class": "cat", "confidence": 0.4}, {"class": "2", "confidence": "1e-3"}]}',
];

const keys = ['box_2d', 'bbox_2d', 'x_min', 'y_min', 'x_max', 'y_max', 'label', 'class_name', 'class', 'description', 'confidence', 'detections', 'predicted_classes', 'bboxes', 'labels', 'bboxes_labels', 'quad_boxes', '__proto__', 'constructor', '10', ''];
const oddValues = ['NaN', 'Infinity', '-Infinity', '1e400', '-0.0', '-0', `1${'0'.repeat(400)}`, '12345678901234567890', '"0.5"', '" 1_0 "', '"nan"', '"high"', '""', 'true', 'false', 'null', '[]', '{}', '[1, 2, 3, 4]', '"\\ud800"', '"cat\\u0000"', '0.5', '12.5', '999', '-7'];
const junkCharacters = ['{', '}', '[', ']', '"', ',', ':', '\\', '`', ' ', '\n', '0', '9', '.', '-', 'e', 'N', 'I', 'a', '\u0000', '\ud800', '😀', '\u00a0', '\u0661'];

function randomJson(depth: number): string {
  const roll = int(depth > 3 ? 3 : 6);
  if (roll === 0) return pick(oddValues);
  if (roll === 1) return String(Math.round((random() * 2000 - 500) * 100) / 100);
  if (roll === 2) return JSON.stringify(pick(['cat', 'dog', 'owl', '', 'unknown', '1', '__proto__']));
  if (roll === 3) return `[${Array.from({ length: int(5) }, () => randomJson(depth + 1)).join(', ')}]`;
  return `{${Array.from({ length: int(6) }, () => `${JSON.stringify(pick(keys))}: ${randomJson(depth + 1)}`).join(', ')}}`;
}

function mutate(text: string): string {
  switch (int(9)) {
    case 0:
      return text.slice(0, int(text.length + 1));
    case 1: {
      const chars = [...text];
      for (let flips = 1 + int(4); flips > 0 && chars.length > 0; flips--) chars[int(chars.length)] = pick(junkCharacters);
      return chars.join('');
    }
    case 2: {
      const fence = pick(['```json\n', '```JSON', '```', '```json ', '\n```\n']);
      const at = int(text.length + 1);
      return text.slice(0, at) + fence + text.slice(at) + (random() < 0.5 ? '\n```' : '');
    }
    case 3:
      return text.replace(/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g, (number) => (random() < 0.3 ? pick(oddValues) : number));
    case 4:
      return text.replace(/"(?:[^"\\]|\\.)*"/g, (string) => (random() < 0.2 ? pick(oddValues) : string));
    case 5:
      return pick([`[${text}]`, `{"detections": ${text}}`, `{"predicted_classes": ${text}}`, `${'['.repeat(int(1200))}${text}`, `${text}, ${text}`]);
    case 6:
      return randomJson(0);
    case 7:
      return `Sure! Here is the JSON:\n${text}\nHope this helps.`;
    default:
      return text.replace(/[,:]/, () => pick([',', ':', ', "x": NaN,', ',,', '']));
  }
}

function seedText(): string {
  return random() < 0.15 ? randomJson(0) : pick(random() < 0.7 ? vectorOutputs : templates);
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function expectWellFormedDetections(value: unknown): void {
  expect(value).toBeInstanceOf(Detections);
  const detections = value as Detections;
  for (const box of detections.xyxy) {
    expect(box).toHaveLength(4);
    for (const coordinate of box) expect(typeof coordinate).toBe('number');
  }
  for (const confidence of detections.confidence) expect(typeof confidence).toBe('number');
  for (const classId of detections.classId) expect(Number.isInteger(classId)).toBe(true);
  for (const column of Object.values(detections.data)) expect(column).toHaveLength(detections.length);
  for (const name of detections.className ?? []) expect(typeof name).toBe('string');
  for (const id of detections.detectionId ?? []) expect(id).toMatch(uuid);
  const serialized = serializeDetections(detections);
  expect(serialized.predictions).toHaveLength(detections.length);
  expect(() => JSON.stringify(serialized)).not.toThrow();
}

function expectWellFormedClassification(value: unknown, inferenceId: string): void {
  const prediction = value as Record<string, unknown>;
  expect(prediction.image).toEqual({ width: 64, height: 48 });
  expect(prediction.inference_id).toBe(inferenceId);
  expect(prediction.parent_id).toBe('parent');
  if (Array.isArray(prediction.predictions)) {
    expect(typeof prediction.top).toBe('string');
    expect(typeof prediction.confidence).toBe('number');
    for (const entry of prediction.predictions as Array<Record<string, unknown>>) {
      expect(Object.keys(entry)).toEqual(['class', 'class_id', 'confidence']);
      expect(typeof entry.class).toBe('string');
      expect(Number.isInteger(entry.class_id)).toBe(true);
      expect(typeof entry.confidence).toBe('number');
    }
  } else {
    const scores = prediction.predictions as Record<string, { confidence: unknown; class_id: unknown }>;
    for (const score of Object.values(scores)) {
      expect(typeof score.confidence).toBe('number');
      expect(Number.isInteger(score.class_id)).toBe(true);
    }
    expect(Array.isArray(prediction.predicted_classes)).toBe(true);
    for (const name of prediction.predicted_classes as string[]) expect(Object.hasOwn(scores, name)).toBe(true);
  }
}

const image = testImage(64, 48);
const classLists = [['cat', 'dog'], ['cat', 'dog', 'cat'], [], ['2', '10', 'b', '__proto__']];

/** Mostly pairs that have a parser (the interesting path), sometimes any pair (an error status). */
function detectorRun(version: 1 | 2): { model: string; task: string } {
  const models = version === 1 ? DETECTOR_V1_MODEL_TYPES : DETECTOR_V2_MODEL_TYPES;
  for (;;) {
    const model = pick(models);
    const task = model === 'florence-2' ? pick(DETECTOR_TASK_TYPES) : random() < 0.9 ? 'object-detection' : pick(DETECTOR_TASK_TYPES);
    if (random() < 0.05 || findDetectionParser(version, model, task)) return { model, task };
  }
}

describe('fuzzing the blocks with generated and mutated answers', () => {
  it('never throws and always returns well-formed outputs', async () => {
    const started = performance.now();
    const outcomes = { error: 0, detections: 0, classifications: 0 };
    for (let round = 0; round < 2500; round++) {
      let text = seedText();
      // Zero to two mutations: some answers stay readable, so the success path is fuzzed as well.
      for (let steps = int(3); steps > 0; steps--) text = mutate(text);
      const classes = pick(classLists);

      for (const [version, block] of [
        [1, vlmAsDetectorV1],
        [2, vlmAsDetectorV2],
      ] as const) {
        const { model, task } = detectorRun(version);
        const context = blockContext(block.type);
        const inputs = { image, vlm_output: text, classes: random() < 0.1 ? null : classes, model_type: model as never, task_type: task as never };
        const result = (await block.run(inputs, context)) as Record<string, unknown>;
        expect(Object.keys(result).sort()).toEqual(['error_status', 'inference_id', 'predictions']);
        expect(typeof result.error_status).toBe('boolean');
        expect(result.inference_id).toMatch(uuid);
        if (result.error_status) {
          expect(result.predictions).toBeNull();
          outcomes.error++;
        } else {
          expectWellFormedDetections(result.predictions);
          outcomes.detections++;
        }
        expect(context.warnings.filter((warning) => warning.fields?.unexpected), `${model}/${task}: ${JSON.stringify(text)}`).toEqual([]);
      }

      const classifier = random() < 0.5 ? vlmAsClassifierV1 : vlmAsClassifierV2;
      const context = blockContext(classifier.type);
      const result = (await classifier.run({ image, vlm_output: text, classes }, context)) as Record<string, unknown>;
      expect(Object.keys(result)).toEqual(['error_status', 'predictions', 'inference_id']);
      expect(typeof result.error_status).toBe('boolean');
      expect(result.inference_id).toMatch(uuid);
      if (result.error_status) {
        expect(result.predictions).toBeNull();
        outcomes.error++;
      } else {
        expectWellFormedClassification(result.predictions, result.inference_id as string);
        outcomes.classifications++;
      }
      expect(context.warnings.filter((warning) => warning.fields?.unexpected), JSON.stringify(text)).toEqual([]);
    }
    // Both paths must be exercised, or the fuzz proves little.
    expect(outcomes.detections).toBeGreaterThan(300);
    expect(outcomes.classifications).toBeGreaterThan(100);
    expect(outcomes.error).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
