import { createEngine, resolveBlockOutputs } from '@flow/engine';
import { describe, expect, it } from 'vitest';
import { foundationPack } from '../pack.js';
import { jsonParserV1 } from './json-parser-block.js';
import { parseJsonFields } from './parse-json-fields.js';

describe('parseJsonFields (reference json_parser string2json)', () => {
  it.each([
    ['raw JSON with every field', '{"a": 1, "b": "x"}', ['a', 'b'], { error_status: false, fields: { a: 1, b: 'x' } }],
    ['a missing field is null and an error', '{"a": 1}', ['a', 'b'], { error_status: true, fields: { a: 1, b: null } }],
    ['an explicit null is found', '{"a": null}', ['a'], { error_status: false, fields: { a: null } }],
    ['only the first fenced block is read, any case, no newline needed', 'x ```JSON{"a": 1}``` y ```json\n{"a": 2}\n```', ['a'], { error_status: false, fields: { a: 1 } }],
    ['text that is not JSON', 'no json here', ['a'], { error_status: true, fields: { a: null } }],
    ['a list root is an error for any field', '["a"]', ['a'], { error_status: true, fields: { a: null } }],
    ['a list root with no expected fields is no error', '["a"]', [], { error_status: false, fields: {} }],
    ['a string root', '"abc"', ['a'], { error_status: true, fields: { a: null } }],
    ['an unclosed fence means the whole text is parsed', '```json\n{"a": 1}', ['a'], { error_status: true, fields: { a: null } }],
    ['nested values are kept as they are', '{"a": {"b": [1, 2]}}', ['a'], { error_status: false, fields: { a: { b: [1, 2] } } }],
  ])('%s', (_name, text, fields, expected) => {
    expect(parseJsonFields(text, fields)).toEqual(expected);
  });
});

describe('roboflow_core/json_parser@v1', () => {
  const engine = createEngine({ packs: [foundationPack] });
  const definition = (expected: unknown) => ({
    version: '1.0',
    inputs: [{ type: 'WorkflowParameter', name: 'text' }],
    steps: [{ type: 'roboflow_core/json_parser@v1', name: 'parser', raw_json: '$inputs.text', expected_fields: expected }],
    outputs: [{ type: 'JsonField', name: 'out', selector: '$steps.parser.*' }],
  });

  it('outputs error_status and one output per expected field', async () => {
    const workflow = engine.compile(definition(['model_id', 'confidence']));
    const [record] = workflow.serialize(await workflow.run({ text: '```json\n{"model_id": "yolov8n-640", "confidence": 0.4}\n```' }));
    expect(record).toEqual({ out: { model_id: 'yolov8n-640', confidence: 0.4, error_status: false } });
    expect(Object.keys(resolveBlockOutputs(jsonParserV1, { raw_json: 'x', expected_fields: ['a'] }))).toEqual(['error_status', 'a']);
  });

  it('refuses error_status as an expected field at compile time, with the reference message', () => {
    expect(() => engine.compile(definition(['error_status']))).toThrow('`error_status` is reserved field name and cannot be used in `expected_fields` of `roboflow_core/json_parser@v1` block.');
  });
});
