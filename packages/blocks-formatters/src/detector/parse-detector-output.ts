import { randomUUID } from 'node:crypto';
import type { Detections } from '@flow/kinds';
import { extractDetectorJson } from '../json/extract-json.js';
import type { PythonValue } from '../json/python-json.js';
import type { FormatterImage } from '../parsers/attach-metadata.js';
import { recoverLooseMuseObjects } from '../parsers/muse.js';
import { overAnswerBudget } from '../answer-budget.js';
import { describeFailure, type FailureLogger } from '../failure-log.js';
import { findDetectionParser, type DetectorVersion } from './registry.js';

export interface DetectorInput {
  /** 1 or 2: the block version (they register different parsers). */
  version: DetectorVersion;
  image: FormatterImage;
  /** The model's raw answer. */
  vlmOutput: string;
  /** Class names in order; their index is the class id. Null is allowed for Florence-2. */
  classes?: readonly unknown[] | null;
  modelType: string;
  taskType: string;
  /** Defaults to a random UUID v4. */
  inferenceId?: string;
  /** Makes detection ids; defaults to random UUID v4s. */
  newId?: () => string;
  /** Told why a parse failed (the reference logs a warning). */
  logger?: FailureLogger;
}

/** The detector blocks' outputs. */
export interface DetectorOutput {
  error_status: boolean;
  predictions: Detections | null;
  inference_id: string;
  [output: string]: unknown;
}

/**
 * What `roboflow_core/vlm_as_detector@v1`/`@v2` return for one answer: the parsed detections, or
 * `error_status: true` with null predictions when the text is not JSON of the expected shape. Never
 * throws for any string.
 */
export function parseDetectorOutput(input: DetectorInput): DetectorOutput {
  const inferenceId = input.inferenceId ?? randomUUID();
  const failed = (reason: string, error?: unknown): DetectorOutput => {
    input.logger?.warn(`Could not parse the VLM answer as detections (model ${input.modelType}, task ${input.taskType})`, describeFailure(reason, error));
    return { error_status: true, predictions: null, inference_id: inferenceId };
  };
  if (typeof input.vlmOutput !== 'string') return failed('The VLM output is not a string');
  const tooLong = overAnswerBudget(input.vlmOutput);
  if (tooLong) return failed(tooLong);
  let parsed: PythonValue;
  const extracted = extractDetectorJson(input.vlmOutput);
  if (extracted.ok) {
    parsed = extracted.value;
  } else {
    const recovered = input.version === 2 && input.modelType === 'muse' ? recoverLooseMuseObjects(input.vlmOutput) : null;
    if (!recovered) return failed(extracted.reason);
    parsed = recovered;
  }
  const parser = findDetectionParser(input.version, input.modelType, input.taskType);
  if (!parser) return failed(`No parser for task ${input.taskType} of model ${input.modelType}`);
  try {
    const predictions = parser(parsed, { image: input.image, classes: input.classes ?? null, inferenceId, newId: input.newId });
    return { error_status: false, predictions, inference_id: inferenceId };
  } catch (error) {
    return failed('The JSON does not have the shape this model type produces', error);
  }
}
