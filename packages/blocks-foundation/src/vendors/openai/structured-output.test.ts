import { describe, expect, it } from 'vitest';
import { NOT_DETECTED, structuredOutputOf } from './structured-output.js';

// The reference's unit tests of `try_parse_lmm_output_to_json` / `try_parse_json` (test_openai_v1.py), restated.
describe('open_ai@v1 structured_output', () => {
  const format = { field_a: 'a', field_b: 'b' };

  it('marks every field not_detected when the answer is not JSON', () => {
    expect(structuredOutputOf('for sure not JSON', format)).toEqual({ field_a: NOT_DETECTED, field_b: NOT_DETECTED });
  });
  it('fills the fields present and marks the missing ones', () => {
    expect(structuredOutputOf('{"field_a": "1", "other": 2}', format)).toEqual({ field_a: '1', field_b: NOT_DETECTED });
  });
  it('reads every field delivered', () => {
    expect(structuredOutputOf('{"field_a": "1", "field_b": [1, 2]}', format)).toEqual({ field_a: '1', field_b: [1, 2] });
  });
  it('reads a single ```json fenced block, linearised or multi-line', () => {
    expect(structuredOutputOf('Here:\n```json\n{"field_a": 1, "field_b": 2}\n```\nDone', format)).toEqual({ field_a: 1, field_b: 2 });
    expect(structuredOutputOf('```json\n{\n  "field_a": 1,\n  "field_b": 2\n}\n```', format)).toEqual({ field_a: 1, field_b: 2 });
  });
  it('gives not_detected for several fenced blocks (the reference returns a list and then fails the step)', () => {
    expect(structuredOutputOf('```json\n{"field_a": 1}\n```\n```json\n{"field_b": 2}\n```', format)).toEqual({ field_a: NOT_DETECTED, field_b: NOT_DETECTED });
  });
  it('is empty without a format, and treats a JSON list as unreadable', () => {
    expect(structuredOutputOf('{"field_a": 1}', null)).toEqual({});
    expect(structuredOutputOf('[1, 2]', format)).toEqual({ field_a: NOT_DETECTED, field_b: NOT_DETECTED });
  });
});
