import { describe, expect, it } from 'vitest';
import { decodePythonJson, type PythonValue } from '../json/python-json.js';
import { PythonError } from '../python/semantics.js';
import { testImage } from '../test-support/test-image.js';
import type { ParseContext } from './attach-metadata.js';
import { md5ClassId, parseFlorence2Detections, toFloat32Array, type FlorenceTask } from './florence2.js';

const context: ParseContext = { image: testImage(168, 192), classes: ['cat', 'dog'], inferenceId: 'run' };

function json(text: string): PythonValue {
  const decoded = decodePythonJson(text);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.value;
}

function parse(text: string, task: FlorenceTask, overrides: Partial<ParseContext> = {}) {
  return parseFlorence2Detections(json(text), { ...context, ...overrides }, task);
}

describe('md5ClassId', () => {
  it('takes the first 9 hex digits of the MD5 modulo 10000', () => {
    expect(md5ClassId('cat')).toBe(7725);
    expect(md5ClassId('dog')).toBe(5324);
    expect(md5ClassId('bird')).toBe(5322);
  });

  it('hashes UTF-8 and refuses lone surrogates as strict UTF-8 does', () => {
    // Values from Python: int(hashlib.md5(name.encode()).hexdigest()[:9], 16) % 10000.
    expect(md5ClassId('é')).toBe(3916);
    expect(md5ClassId('猫')).toBe(2936);
    expect(() => md5ClassId('\ud800')).toThrow(PythonError);
  });
});

describe('toFloat32Array', () => {
  it('rounds every value to float32 and reports the shape', () => {
    expect(toFloat32Array(json('[[0.1, "2.5", true, null]]'))).toEqual({ shape: [1, 4], values: [Math.fround(0.1), 2.5, 1, Number.NaN] });
    expect(Math.fround(0.1)).toBe(0.10000000149011612);
  });

  it('rejects ragged lists and objects like numpy', () => {
    expect(() => toFloat32Array(json('[[1, 2], [3]]'))).toThrow(PythonError);
    expect(() => toFloat32Array(json('[[1, 2], 3]'))).toThrow(PythonError);
    expect(() => toFloat32Array(json('[{}]'))).toThrow(PythonError);
  });
});

describe('parseFlorence2Detections', () => {
  it('keeps coordinates as float32 values: no scaling, clamping or rounding', () => {
    const detections = parse('{"bboxes": [[0.1, -5, 1e6, 12.5]], "labels": ["cat"]}', '<DENSE_REGION_CAPTION>');
    expect(detections.xyxy).toEqual([[Math.fround(0.1), -5, 1e6, 12.5]]);
    expect(detections.classId).toEqual([0]);
    expect(detections.confidence).toEqual([1]);
  });

  it('gives MD5 class ids for <OD> and phrase grounding, positions for open vocabulary, "roi" for proposals', () => {
    expect(parse('{"bboxes": [[0,0,1,1],[0,0,1,1]], "labels": ["cat", "bird"]}', '<OD>').classId).toEqual([7725, 5322]);
    expect(parse('{"bboxes": [[0,0,1,1]], "labels": ["dog"]}', '<CAPTION_TO_PHRASE_GROUNDING>').classId).toEqual([5324]);
    expect(parse('{"bboxes": [[0,0,1,1],[0,0,1,1]], "bboxes_labels": ["dog", "owl"]}', '<OPEN_VOCABULARY_DETECTION>').classId).toEqual([1, -1]);
    const proposals = parse('{"bboxes": [[0,0,1,1]]}', '<REGION_PROPOSAL>');
    expect(proposals.className).toEqual(['roi']);
    expect(proposals.classId).toEqual([0]);
  });

  it('reads OCR quads (any regular nesting with 8 values per quad) into boxes and xyxyxyxy', () => {
    const detections = parse('{"quad_boxes": [1, 9, 5, 2, 6, 8, 0, 7], "labels": ["</s>text"]}', '<OCR_WITH_REGION>');
    expect(detections.xyxy).toEqual([[0, 2, 6, 9]]);
    expect(detections.data.xyxyxyxy).toEqual([[[1, 9], [5, 2], [6, 8], [0, 7]]]);
    expect(detections.className).toEqual(['</s>text']);
    expect(() => parse('{"quad_boxes": [1, 2, 3], "labels": ["x"]}', '<OCR_WITH_REGION>')).toThrow(PythonError);
  });

  it('attaches every column, empty, when there are no boxes (class names only for proposals)', () => {
    const empty = parse('{"bboxes": [], "labels": []}', '<OD>');
    expect(empty.length).toBe(0);
    expect(Object.keys(empty.data).sort()).toEqual([
      'detection_id',
      'image_dimensions',
      'inference_id',
      'parent_coordinates',
      'parent_dimensions',
      'parent_id',
      'prediction_type',
      'root_parent_coordinates',
      'root_parent_dimensions',
      'root_parent_id',
    ]);
    expect(Object.values(empty.data).every((column) => column.length === 0)).toBe(true);
    expect(parse('{"bboxes": []}', '<REGION_PROPOSAL>').data.class_name).toEqual([]);
    expect(parse('{"quad_boxes": [], "labels": []}', '<OCR_WITH_REGION>').data.xyxyxyxy).toBeUndefined();
  });

  it('fails on missing keys, wrong box shapes and a label count that does not match', () => {
    for (const [text, task] of [
      ['{"bboxes": [[0,0,1,1]]}', '<OD>'],
      ['{"labels": ["cat"]}', '<OD>'],
      ['{"bboxes": [[0,0,1]], "labels": ["cat"]}', '<OD>'],
      ['{"bboxes": [0,0,1,1], "labels": ["cat"]}', '<OD>'],
      ['{"bboxes": [[]], "labels": ["cat"]}', '<OD>'],
      ['{"bboxes": 5, "labels": []}', '<OD>'],
      ['{"bboxes": [[0,0,1,1]], "labels": ["cat", "dog"]}', '<DENSE_REGION_CAPTION>'],
      ['{"bboxes": [[0,0,1,1]], "labels": [null]}', '<DENSE_REGION_CAPTION>'],
      ['{"bboxes": [[0,0,1,1]], "labels": [1]}', '<OD>'],
      ['{"bboxes": [[0,0,1,1]], "labels": ["\\ud800"]}', '<OD>'],
      ['[[0,0,1,1]]', '<OD>'],
    ] as const) {
      expect(() => parse(text, task), `${task} ${text}`).toThrow(PythonError);
    }
  });

  it('stringifies numeric labels next to text ones, as a numpy string array does', () => {
    expect(parse('{"bboxes": [[0,0,1,1],[0,0,1,1]], "labels": [1.0, "cat"]}', '<DENSE_REGION_CAPTION>').className).toEqual(['1.0', 'cat']);
    expect(parse('{"bboxes": [[0,0,1,1]], "labels": ["\\ud800"]}', '<DENSE_REGION_CAPTION>').className).toEqual(['\ud800']);
  });

  it('needs classes for open vocabulary even with no boxes', () => {
    expect(() => parse('{"bboxes": [], "bboxes_labels": []}', '<OPEN_VOCABULARY_DETECTION>', { classes: null })).toThrow(PythonError);
    expect(parse('{"bboxes": [], "labels": []}', '<OD>', { classes: null }).length).toBe(0);
  });
});
