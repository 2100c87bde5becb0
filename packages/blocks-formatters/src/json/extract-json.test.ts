import { describe, expect, it } from 'vitest';
import { extractDetectorJson, extractJson, findLooseObjects } from './extract-json.js';

describe('extractJson (string2json)', () => {
  it('parses the whole text when there is no ```json fence', () => {
    expect(extractJson(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('parses only the first fenced block, whatever follows', () => {
    expect(extractJson('intro ```json\n[1]\n``` and ```json\n[2]\n``` broken {')).toEqual({ ok: true, value: [1] });
  });

  it('matches the fence case-insensitively (with Unicode case folding) and needs no newline', () => {
    expect(extractJson('```JSON[1]```')).toEqual({ ok: true, value: [1] });
    expect(extractJson('```jſon[2]```')).toEqual({ ok: true, value: [2] });
  });

  it('treats an unclosed fence as no fence', () => {
    expect(extractJson('```json\n[1]').ok).toBe(false);
  });

  it('does not fall back to the whole text when the fenced block is invalid', () => {
    expect(extractJson('```json\nnope\n```').ok).toBe(false);
  });

  it('does not check the root type; the detector variant does', () => {
    expect(extractJson('5')).toEqual({ ok: true, value: 5 });
    expect(extractDetectorJson('5').ok).toBe(false);
    expect(extractDetectorJson('"text"').ok).toBe(false);
    expect(extractDetectorJson('null').ok).toBe(false);
    expect(extractDetectorJson('[]').ok).toBe(true);
  });
});

describe('findLooseObjects', () => {
  it('decodes objects written back to back and skips what does not decode', () => {
    const found = findLooseObjects('{"a": 1}, {bad}, {"a": 2} {"b": 3}', (dict) => 'a' in dict);
    expect(found).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('gives up (null) where the reference scan raises: nesting beyond the recursion limit', () => {
    expect(findLooseObjects(`{"a": 1} ${'{"a":'.repeat(50_000)}`, () => true)).toBeNull();
  });

  it('does not revisit objects nested in a decoded one', () => {
    const found = findLooseObjects('{"outer": {"a": 1}}', (dict) => 'a' in dict);
    expect(found).toEqual([]);
  });
});
