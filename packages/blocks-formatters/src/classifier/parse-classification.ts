import { randomUUID } from 'node:crypto';
import { markFloatFields } from '@flow/kinds';
import { extractJson } from '../json/extract-json.js';
import type { PythonDict } from '../json/python-json.js';
import { clampConfidence } from '../numbers/python-float.js';
import type { FormatterImage } from '../parsers/attach-metadata.js';
import { ClassIndex } from '../python/class-index.js';
import { getItem, isDict, PythonError, pythonIterate, pythonMax, pythonTypeName } from '../python/semantics.js';
import { overAnswerBudget } from '../answer-budget.js';
import { describeFailure, type FailureLogger } from '../failure-log.js';

export interface ClassifierInput {
  /** Only the size and the parent id are read; a `WorkflowImage` fits. */
  image: Pick<FormatterImage, 'width' | 'height' | 'parentId'>;
  /** The model's raw answer. */
  vlmOutput: string;
  /** Class names in order; their index is the class id. */
  classes: readonly unknown[];
  /** Defaults to a random UUID v4. */
  inferenceId?: string;
  /** Told why a parse failed (the reference logs a warning). */
  logger?: FailureLogger;
}

export interface ClassPrediction {
  class: string;
  class_id: number;
  confidence: number;
}

/** `{"class_name": ..., "confidence": ...}` answers: every class with a score, the top one first when unknown. */
export interface SingleLabelClassification {
  image: { width: number; height: number };
  predictions: ClassPrediction[];
  top: string;
  confidence: number;
  inference_id: string;
  parent_id: string;
}

/**
 * `{"predicted_classes": [...]}` answers. `predictions` is keyed by class name in the reference order
 * (given classes, then unknown ones as first seen) — except that JS lists integer-like keys ("1", "10")
 * first in ascending order in any object; `predicted_classes` keeps the order of the answer.
 */
export interface MultiLabelClassification {
  image: { width: number; height: number };
  predictions: Record<string, { confidence: number; class_id: number }>;
  predicted_classes: string[];
  inference_id: string;
  parent_id: string;
}

export type Classification = SingleLabelClassification | MultiLabelClassification;

/** The classifier blocks' outputs. */
export interface ClassifierOutput {
  error_status: boolean;
  predictions: Classification | null;
  inference_id: string;
  [output: string]: unknown;
}

/**
 * What `roboflow_core/vlm_as_classifier@v1`/`@v2` return for one answer. The JSON shape is chosen by
 * key membership as in the reference: `class_name` and `confidence` → single-label, else
 * `predicted_classes` → multi-label, else an error. Never throws for any string.
 */
export function parseClassifierOutput(input: ClassifierInput): ClassifierOutput {
  const inferenceId = input.inferenceId ?? randomUUID();
  const failed = (reason: string, error?: unknown): ClassifierOutput => {
    input.logger?.warn('Could not parse the VLM answer as a classification', describeFailure(reason, error));
    return { error_status: true, predictions: null, inference_id: inferenceId };
  };
  if (typeof input.vlmOutput !== 'string') return failed('The VLM output is not a string');
  const tooLong = overAnswerBudget(input.vlmOutput);
  if (tooLong) return failed(tooLong);
  const extracted = extractJson(input.vlmOutput);
  if (!extracted.ok) return failed(extracted.reason);
  const parsed = extracted.value;
  // A list or string root can pass the reference's membership test but then fails on indexing; a
  // number, bool or null root makes the reference block raise. Here all of them are an error status.
  if (!isDict(parsed)) return failed(`The JSON root is a ${pythonTypeName(parsed)}, not an object`);
  try {
    if (Object.hasOwn(parsed, 'class_name') && Object.hasOwn(parsed, 'confidence')) {
      return { error_status: false, predictions: singleLabel(parsed, input, inferenceId), inference_id: inferenceId };
    }
    if (Object.hasOwn(parsed, 'predicted_classes')) {
      return { error_status: false, predictions: multiLabel(parsed, input, inferenceId), inference_id: inferenceId };
    }
  } catch (error) {
    return failed('The JSON does not have the shape of a classification', error);
  }
  return failed('The JSON has neither `class_name` and `confidence` nor `predicted_classes`');
}

/** The class index, insisting on string names (a prediction's `class` must be text). */
function textClassIndex(classes: readonly unknown[]): ClassIndex {
  if (Array.isArray(classes)) {
    for (const name of classes) if (typeof name !== 'string') throw new PythonError('TypeError', `class names must be strings, got '${pythonTypeName(name)}'`);
  }
  return new ClassIndex(classes);
}

function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new PythonError('TypeError', `${what} must be a string, got '${pythonTypeName(value)}'`);
  return value;
}

/** Confidences are Python floats in the reference (`1.0`, `0.0`), class ids and image sizes ints. */
const confidenceField = ['confidence'];

function singleLabel(parsed: PythonDict, input: ClassifierInput, inferenceId: string): SingleLabelClassification {
  const classIndex = textClassIndex(input.classes);
  const top = requireText(parsed.class_name, 'class_name');
  const confidence = clampConfidence(parsed.confidence);
  const predictions: ClassPrediction[] = [];
  if (!classIndex.has(top)) predictions.push(markFloatFields({ class: top, class_id: -1, confidence }, confidenceField));
  for (const [name, id] of classIndex.entries()) {
    predictions.push(markFloatFields({ class: name as string, class_id: id, confidence: name === top ? confidence : 0 }, confidenceField));
  }
  const classification: SingleLabelClassification = {
    image: { width: input.image.width, height: input.image.height },
    predictions,
    top,
    confidence,
    inference_id: inferenceId,
    parent_id: input.image.parentId,
  };
  return markFloatFields(classification, confidenceField);
}

function multiLabel(parsed: PythonDict, input: ClassifierInput, inferenceId: string): MultiLabelClassification {
  const classIndex = textClassIndex(input.classes);
  const recorded = new Map<string, number>();
  for (const prediction of pythonIterate(parsed.predicted_classes)) {
    const name = requireText(getItem(prediction, 'class'), 'class');
    classIndex.addIfMissing(name, -1);
    const confidence = clampConfidence(getItem(prediction, 'confidence'));
    const previous = recorded.get(name);
    // A class named twice keeps its highest confidence (Python `max(old, new)`).
    recorded.set(name, previous === undefined ? confidence : pythonMax(previous, confidence));
  }
  const predictions: MultiLabelClassification['predictions'] = {};
  for (const [name, id] of classIndex.entries()) {
    // defineProperty: a class called "__proto__" must become a key, not the object's prototype.
    Object.defineProperty(predictions, name as string, {
      value: markFloatFields({ confidence: recorded.get(name as string) ?? 0, class_id: id }, confidenceField),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    image: { width: input.image.width, height: input.image.height },
    predictions,
    predicted_classes: [...recorded.keys()],
    inference_id: inferenceId,
    parent_id: input.image.parentId,
  };
}
