import { describe, expect, it } from 'vitest';
import { extractJson, findLooseObjects } from './extract-json.js';
import { decodeCharByChar, decodePythonJson, isIntegralFloatMember, rawDecodePythonJson, writtenKeyOrder, type PythonDict } from './python-json.js';

/** The reference's scan as written: decode at every `{`, one character on after a failure. */
function naiveLooseObjects(text: string, keep: (dict: PythonDict) => boolean): PythonDict[] | null {
  const found: PythonDict[] = [];
  let index = 0;
  for (;;) {
    const start = text.indexOf('{', index);
    if (start === -1) return found;
    const decoded = rawDecodePythonJson(text, start);
    if (!decoded.ok) {
      if (decoded.fatal) return null;
      index = start + 1;
      continue;
    }
    if (typeof decoded.value === 'object' && decoded.value !== null && !Array.isArray(decoded.value) && keep(decoded.value as PythonDict)) found.push(decoded.value as PythonDict);
    index = decoded.end;
  }
}

const looseTexts = [
  '{"a": 1}, {bad}, {"a": 2} {"b": 3}',
  '{"a": {"a": {"a": 1}, "b": }, {"a": 2}',
  '{"a": "{\\"a\\": 1}", {"a": 3}} {"a": 4}',
  '{"x": [{"a": 1}, {"a": 2 ]}, {"a": 5}',
  `${'{"a":'.repeat(30)}{"a": 1}${'x'.repeat(3)} {"a": 6}`,
  '{"k": "{"}{"a": 7}',
  '{{{{"a": 8}',
];

describe('findLooseObjects is linear and finds what the reference scan finds', () => {
  it.each(looseTexts)('%s', (text) => {
    const keep = (dict: PythonDict) => 'a' in dict;
    expect(findLooseObjects(text, keep)).toEqual(naiveLooseObjects(text, keep));
  });

  it('skips the open objects of a failed decode instead of decoding them again', () => {
    // 120 chains 800 deep that never close: the reference's scan reads each chain 800 times.
    const chain = `${'{"a":'.repeat(800)}x`;
    const text = `${chain.repeat(120)}{"a": 1}`;
    expect(findLooseObjects(text, () => true)).toEqual([{ a: 1 }]);
  });
});

describe('the first ```json fence', () => {
  it.each([
    ['```json [1] ``` ```json [2] ```', [1]],
    ['```JSON [3] ```', [3]],
    ['```json [4]', undefined],
    [`${'```json '.repeat(2_000)}`, undefined],
    ['text ```json\n{"a": 1}\n``` more', { a: 1 }],
  ])('%s', (text, expected) => {
    const result = extractJson(text);
    if (expected === undefined) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: expected });
  });
});

describe('decodePythonJson: the JSON.parse fast path gives what the exact decoder gives', () => {
  const texts = [
    '[{"box_2d": [100, 200, 300, 400], "label": "cat"}, {"box_2d": [5, 6, 7, 8], "label": "dog"}]',
    '{"a": 1.5, "b": -2, "c": "x\\u00e9\\n", "d": [true, false, null], "__proto__": {"e": 0.25}}',
    '{"a": 1.0, "b": 2e3, "c": -0, "d": -0.0, "e": 12345678901234567890, "f": 0.1000000000000000055}',
    '{"2": "two", "1": "one", "x": 3}',
    '{"a": NaN, "b": Infinity}',
    '{"a": 1, "a": 2}',
    '  [1, 2]  ',
    '[1, 2] extra',
    `${'['.repeat(1_001)}${']'.repeat(1_001)}`,
    `${'['.repeat(999)}${']'.repeat(999)}`,
    '"\\ud800"',
    '',
  ];
  it.each(texts)('%s', (text) => {
    const fast = decodePythonJson(text);
    const exact = decodeCharByChar(text);
    expect(fast).toEqual(exact);
    if (fast.ok && exact.ok && typeof fast.value === 'object' && fast.value !== null && !Array.isArray(fast.value)) {
      expect(Object.getPrototypeOf(fast.value)).toBeNull();
      const dict = fast.value as PythonDict;
      const reference = exact.value as PythonDict;
      expect(writtenKeyOrder(dict)).toEqual(writtenKeyOrder(reference));
      for (const key of Object.keys(reference)) expect(isIntegralFloatMember(dict, key)).toBe(isIntegralFloatMember(reference, key));
    }
  });

  it('gives nested objects null prototypes too', () => {
    const result = decodePythonJson('[{"a": {"constructor": 1}}]');
    expect(result.ok && Object.getPrototypeOf((result.value as PythonDict[])[0]!.a)).toBeNull();
  });
});
