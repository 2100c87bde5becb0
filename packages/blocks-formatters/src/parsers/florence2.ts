import { createHash } from 'node:crypto';
import { newDetectionId } from './detection-id.js';
import { DetectionColumn, Detections, type Box } from '@flow/kinds';
import { PythonInt, type PythonValue } from '../json/python-json.js';
import { pythonFloat } from '../numbers/python-float.js';
import { ClassIndex } from '../python/class-index.js';
import { pythonStr } from '../python/python-str.js';
import { getItem, isDict, PythonError, pythonTypeName } from '../python/semantics.js';
import { asNumpyString, lineageColumns, PREDICTION_TYPE, repeat, type ParseContext } from './attach-metadata.js';

/** The Florence-2 task tokens the detector maps its task types to. */
export type FlorenceTask =
  | '<OD>'
  | '<OPEN_VOCABULARY_DETECTION>'
  | '<DENSE_REGION_CAPTION>'
  | '<CAPTION_TO_PHRASE_GROUNDING>'
  | '<REGION_PROPOSAL>'
  | '<OCR_WITH_REGION>';

/** Where a task keeps its labels; REGION_PROPOSAL's labels are blank, so it reads none. */
const labelKeys: Record<FlorenceTask, string | undefined> = {
  '<OD>': 'labels',
  '<CAPTION_TO_PHRASE_GROUNDING>': 'labels',
  '<DENSE_REGION_CAPTION>': 'labels',
  '<OCR_WITH_REGION>': 'labels',
  '<OPEN_VOCABULARY_DETECTION>': 'bboxes_labels',
  '<REGION_PROPOSAL>': undefined,
};

/** A numpy-style float32 array: its shape and its values in row-major order. */
interface Float32Values {
  shape: number[];
  values: number[];
}

/**
 * `np.array(value, dtype=np.float32)`: nested lists must be rectangular (ragged lists raise); every leaf
 * goes through `float()` (so numeric strings and booleans convert) and is rounded to float32
 * (`Math.fround`). numpy turns `None` into NaN. Objects cannot convert.
 */
export function toFloat32Array(value: PythonValue): Float32Values {
  const values: number[] = [];
  const shape = collect(value, values, 0);
  return { shape, values };
}

function collect(value: PythonValue, values: number[], depth: number): number[] {
  if (depth > 64) throw new PythonError('ValueError', 'array is nested too deeply');
  if (Array.isArray(value)) {
    if (value.length === 0) return [0];
    let itemShape: number[] | undefined;
    for (const item of value) {
      const shape = collect(item, values, depth + 1);
      if (itemShape === undefined) itemShape = shape;
      else if (!sameShape(itemShape, shape)) throw new PythonError('ValueError', 'setting an array element with a sequence: the nested lists are ragged');
    }
    return [value.length, ...itemShape!];
  }
  if (isDict(value)) throw new PythonError('TypeError', `float() argument must be a string or a real number, not '${pythonTypeName(value)}'`);
  values.push(value === null ? Number.NaN : Math.fround(pythonFloat(value)));
  return [];
}

function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((size, index) => size === b[index]);
}

/**
 * The reference's class id for `<OD>` and phrase grounding: the first 9 hex digits of the label's MD5
 * (36 bits, exact in a double) modulo 10000. Python encodes the label as strict UTF-8, so a lone
 * surrogate raises (node's encoder would silently write U+FFFD instead).
 */
export function md5ClassId(name: string): number {
  if (/\p{Cs}/u.test(name)) throw new PythonError('UnicodeEncodeError', "'utf-8' codec can't encode a surrogate");
  const hex = createHash('md5').update(name, 'utf8').digest('hex');
  return Number.parseInt(hex.slice(0, 9), 16) % 10000;
}

/**
 * The labels as numpy would hold them: a list with one label per box. Mixed with at least one string,
 * numbers and booleans become their `str()`; an all-numeric list stays numeric in numpy (marked here so
 * the MD5 tasks fail as `.encode` does). `None`, lists and objects are rejected (see the package README).
 */
function readLabels(value: PythonValue, count: number): { names: string[]; numeric: boolean } {
  if (!Array.isArray(value)) throw new PythonError('ValueError', `labels must be a list, got '${pythonTypeName(value)}'`);
  if (value.length !== count) throw new PythonError('ValueError', `Length of data field class_name (${value.length}) differs from the number of boxes (${count})`);
  let anyString = false;
  const names = value.map((label, index) => {
    if (typeof label === 'string') {
      anyString = true;
      return asNumpyString(label);
    }
    if (typeof label === 'number' || typeof label === 'boolean' || label instanceof PythonInt) return pythonStr(label, value, index);
    throw new PythonError('TypeError', `label of type '${pythonTypeName(label)}' is not supported`);
  });
  return { names, numeric: !anyString && names.length > 0 };
}

/**
 * The Florence-2 parser (reference §3.7): supervision's `from_florence_2` for the task, then the block's
 * class ids. Coordinates are the model's absolute pixels rounded to float32 — no scaling, clamping or
 * rounding. Confidence is 1. Zero boxes give detections whose every column is present and empty.
 */
export function parseFlorence2Detections(parsed: PythonValue, context: ParseContext, task: FlorenceTask): Detections {
  const { image } = context;
  const xyxy: Box[] = [];
  let names: string[] | undefined;
  let numericNames = false;
  let quads: Array<Array<[number, number]>> | undefined;

  if (task === '<OCR_WITH_REGION>') {
    const array = toFloat32Array(getItem(parsed, 'quad_boxes'));
    const size = array.shape.reduce((product, side) => product * side, 1);
    if (array.shape.length === 0 || size % 8 !== 0) throw new PythonError('ValueError', `cannot reshape array of size ${size} into shape (-1,4,2)`);
    quads = [];
    for (let offset = 0; offset < size; offset += 8) {
      const points = [0, 1, 2, 3].map((point) => [array.values[offset + point * 2]!, array.values[offset + point * 2 + 1]!] as [number, number]);
      quads.push(points);
      const xs = points.map((point) => point[0]);
      const ys = points.map((point) => point[1]);
      xyxy.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    }
    const labels = getItem(parsed, 'labels');
    if (xyxy.length > 0) ({ names, numeric: numericNames } = readLabels(labels, xyxy.length));
  } else {
    const array = toFloat32Array(getItem(parsed, 'bboxes'));
    const labelKey = labelKeys[task];
    const labels = labelKey === undefined ? undefined : getItem(parsed, labelKey);
    const count = array.shape[0] ?? 0;
    if (array.shape.length === 0) throw new PythonError('TypeError', 'len() of unsized object');
    if (count > 0) {
      if (array.shape.length !== 2 || array.shape[1] !== 4) throw new PythonError('ValueError', `xyxy must be a 2D np.ndarray with shape (_, 4), got (${array.shape.join(', ')})`);
      for (let row = 0; row < count; row++) xyxy.push(array.values.slice(row * 4, row * 4 + 4) as Box);
      if (labels !== undefined) ({ names, numeric: numericNames } = readLabels(labels, count));
    }
  }
  if (xyxy.length === 0) {
    // supervision returns `Detections.empty()`: no class names and no quads survive.
    names = undefined;
    quads = undefined;
  }

  const count = xyxy.length;
  let classIds = repeat(count, () => 0);
  if (task === '<REGION_PROPOSAL>') {
    names = repeat(count, () => 'roi');
  } else if (task === '<OD>' || task === '<CAPTION_TO_PHRASE_GROUNDING>') {
    if (numericNames) throw new PythonError('TypeError', 'numeric labels have no encode()');
    const ids = new Map<string, number>();
    classIds = (names ?? []).map((name) => {
      let id = ids.get(name);
      if (id === undefined) ids.set(name, (id = md5ClassId(name)));
      return id;
    });
  } else if (task === '<OPEN_VOCABULARY_DETECTION>') {
    const classIndex = new ClassIndex(context.classes);
    classIds = (names ?? []).map((name) => classIndex.idOf(name));
  }

  const data: Record<string, unknown[]> = {};
  if (names !== undefined) data[DetectionColumn.className] = names;
  if (quads !== undefined) data.xyxyxyxy = quads;
  data[DetectionColumn.inferenceId] = repeat(count, () => context.inferenceId);
  data[DetectionColumn.detectionId] = repeat(count, context.newId ?? newDetectionId);
  data[DetectionColumn.predictionType] = repeat(count, () => PREDICTION_TYPE);
  data[DetectionColumn.imageDimensions] = repeat(count, () => [image.height, image.width]);
  Object.assign(data, lineageColumns(image, count));
  return new Detections(xyxy, repeat(count, () => 1), classIds, data);
}
