import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLmmOutput, structuredLmmOutput } from './structured-output.js';

interface ParsingVector {
  name: string;
  function: 'try_parse_json' | 'try_parse_lmm_output_to_json';
  input: { text: string; expected_output: Record<string, string> };
  computed: unknown;
}

const vectors = JSON.parse(readFileSync(new URL('../__fixtures__/lmm_output_parsing.json', import.meta.url), 'utf8')) as ParsingVector[];

describe('parseLmmOutput (lmm_output_parsing.json)', () => {
  it.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    expect(parseLmmOutput(vector.input.text, Object.keys(vector.input.expected_output))).toEqual(vector.computed);
  });
});

describe('structuredLmmOutput', () => {
  it('gives not_detected for every key where the reference would crash on two fenced blocks', () => {
    const text = '```json\n{"a": 1}\n```\nand\n```json\n{"a": 2}\n```';
    expect(structuredLmmOutput(text, ['a', 'b'])).toEqual({ a: 'not_detected', b: 'not_detected' });
  });

  it('keeps an explicit null and reads only a case-sensitive fence with newlines', () => {
    expect(structuredLmmOutput('```json\n{"a": null}\n```', ['a'])).toEqual({ a: null });
    expect(structuredLmmOutput('```JSON\n{"a": 3}\n```', ['a'])).toEqual({ a: 'not_detected' });
    expect(structuredLmmOutput('```json{"a": 4}```', ['a'])).toEqual({ a: 'not_detected' });
  });

  it('treats a non-object root and a null answer as unreadable', () => {
    expect(structuredLmmOutput('["a"]', ['a'])).toEqual({ a: 'not_detected' });
    expect(structuredLmmOutput(null, ['a'])).toEqual({ a: 'not_detected' });
  });
});
