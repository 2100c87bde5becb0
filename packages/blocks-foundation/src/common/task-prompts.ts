import type { JsonSchema } from '@flow/providers-core';
import type { VlmTaskType } from './vlm-tasks.js';
import {
  absoluteDetectionsSchema,
  classificationSchema,
  geminiBoxesSchema,
  multiLabelSchema,
  normalizedDetectionsSchema,
  structuredAnswerSchema,
} from './response-schemas.js';

/**
 * How an object-detection answer is shaped; each one parses with `vlm_as_detector@v2` for its vendor:
 * - `normalized`: `{"detections": [{x_min, y_min, x_max, y_max (0-1), class_name, confidence}]}`;
 * - `absolute-object`: `{"detections": [{box_2d: [x_min, y_min, x_max, y_max] in pixels, label}]}` (OpenAI v5);
 * - `absolute-list`: the same entries as a bare list (OpenAI v5 for gpt-4.x / nano models);
 * - `gemini-1000`: a list of `{box_2d: [y_min, x_min, y_max, x_max] in 0-1000, label}` (Gemini v4).
 */
export type DetectionFormat = 'normalized' | 'absolute-object' | 'absolute-list' | 'gemini-1000';

export interface PromptRequest {
  task: VlmTaskType;
  prompt?: string | null;
  classes?: readonly string[] | null;
  outputStructure?: Record<string, string> | null;
  detectionFormat?: DetectionFormat;
  /** Size of the image as uploaded (absolute-pixel formats name it in the prompt). */
  uploadSize?: { width: number; height: number };
}

/** What a task asks of the model: instructions, the user's text next to the image, the answer's schema. */
export interface TaskPrompt {
  system?: string;
  text?: string;
  /** JSON Schema for the vendor's native structured output; absent for free-text tasks. */
  schema?: JsonSchema;
  schemaName?: string;
}

const listOf = (classes: readonly string[] | null | undefined) => (classes ?? []).join(', ');

const CLASSIFICATION_SYSTEM =
  'You are an image classifier. Choose the one class from the list the user gives that fits the image best. ' +
  'Reply with a single JSON object and nothing else, shaped like {"class_name": "<a class from the list>", "confidence": 0.8}, ' +
  'where confidence is a number from 0 to 1 saying how sure you are. Never reply with a list, even when several classes could fit.';

const MULTI_LABEL_SYSTEM =
  'You are a multi-label image classifier. Choose every class from the list the user gives that is visible in the image. ' +
  'Reply with a single JSON object and nothing else, shaped like {"predicted_classes": [{"class": "<a class from the list>", "confidence": 0.8}]}, ' +
  'where confidence is a number from 0 to 1 saying how sure you are that the class is present. Leave out classes you cannot see.';

const STRUCTURED_SYSTEM =
  'You describe images as JSON. The user sends a JSON object whose keys are the fields to fill in and whose values say what each field must hold. ' +
  'Reply with a single JSON object that has exactly those keys, each holding the value its description asks for, and nothing else.';

const OCR_SYSTEM =
  'You read text in images. Reply with exactly the text you can see, in paragraphs that follow how it is laid out in the image, and nothing else.';

const VQA_SYSTEM =
  'You answer questions about the image you are shown. Answer an open question in a few sentences; ' +
  'for a multiple-choice question reply with the letter or label of the chosen answer only.';

const CAPTION_SYSTEM = 'You write captions for images. Describe the image in one short sentence.';
const DETAILED_CAPTION_SYSTEM = 'You write captions for images. Describe the image in detail: the setting, the objects in it, and what is happening.';

const NORMALIZED_DETECTION_SYSTEM =
  'You are an object detector. Find every instance of the classes the user lists. ' +
  'Reply with a single JSON object and nothing else, shaped like ' +
  '{"detections": [{"x_min": 0.12, "y_min": 0.3, "x_max": 0.45, "y_max": 0.8, "class_name": "<a class from the list>", "confidence": 0.9}]}. ' +
  'x values are fractions of the image width and y values fractions of its height, from 0 to 1; confidence is from 0 to 1. ' +
  'Use only the listed class names, and reply with an empty "detections" list when none is present.';

function absoluteDetectionText(classes: string, size: { width: number; height: number }, wrapped: boolean): string {
  const shape = wrapped
    ? 'Reply with a JSON object whose "detections" key holds a list with one entry per object'
    : 'Reply with only a JSON list, no other text, with one entry per object';
  return (
    `Find every object of these classes in the image: ${classes}. ${shape}: {"box_2d": [x_min, y_min, x_max, y_max], "label": "<a class from the list>"}, ` +
    `where box_2d holds the top-left and bottom-right corners in pixels of this ${size.width}x${size.height} image.`
  );
}

function geminiDetectionText(classes: string): string {
  return (
    `Find every object of these classes in the image: ${classes}. Reply with only a JSON list, no other text, with one entry per object: ` +
    '{"box_2d": [y_min, x_min, y_max, x_max], "label": "<a class from the list>"}, where box_2d holds integers from 0 to 1000: ' +
    'the box edges as fractions of the image height (y) and width (x), times 1000.'
  );
}

/**
 * Our prompt for a task. The answer shapes are the ones the recommended parsers read: `vlm_as_classifier`
 * (`class_name`/`confidence`, `predicted_classes`), `json_parser` (one object), `vlm_as_detector@v2`
 * (see `DetectionFormat`). Where the text goes (system vs user, before or after the image) is the vendor's choice.
 */
export function buildTaskPrompt(request: PromptRequest): TaskPrompt {
  const classes = listOf(request.classes);
  switch (request.task) {
    case 'unconstrained':
      return { text: request.prompt ?? '' };
    case 'ocr':
      return { system: OCR_SYSTEM };
    case 'visual-question-answering':
      return { system: VQA_SYSTEM, text: `Question: ${request.prompt ?? ''}` };
    case 'caption':
      return { system: CAPTION_SYSTEM };
    case 'detailed-caption':
      return { system: DETAILED_CAPTION_SYSTEM };
    case 'classification':
      return { system: CLASSIFICATION_SYSTEM, text: `Classes: ${classes}`, schema: classificationSchema(request.classes ?? []), schemaName: 'classification' };
    case 'multi-label-classification':
      return { system: MULTI_LABEL_SYSTEM, text: `Classes: ${classes}`, schema: multiLabelSchema(request.classes ?? []), schemaName: 'multi_label_classification' };
    case 'structured-answering': {
      const structure = request.outputStructure ?? {};
      return {
        system: STRUCTURED_SYSTEM,
        text: `Fields to fill in:\n${JSON.stringify(structure, null, 4)}`,
        schema: structuredAnswerSchema(structure),
        schemaName: 'structured_answer',
      };
    }
    case 'object-detection':
      return detectionPrompt(request, classes);
  }
}

function detectionPrompt(request: PromptRequest, classes: string): TaskPrompt {
  const format = request.detectionFormat ?? 'normalized';
  const size = request.uploadSize ?? { width: 0, height: 0 };
  switch (format) {
    case 'normalized':
      return { system: NORMALIZED_DETECTION_SYSTEM, text: `Classes: ${classes}`, schema: normalizedDetectionsSchema(request.classes ?? []), schemaName: 'detections' };
    case 'absolute-object':
      return { text: absoluteDetectionText(classes, size, true), schema: absoluteDetectionsSchema(request.classes ?? []), schemaName: 'detections' };
    case 'absolute-list':
      // A bare list cannot be a strict OpenAI schema (its root must be an object), and the reference found
      // these models regress under structured output: free text it is.
      return { text: absoluteDetectionText(classes, size, false) };
    case 'gemini-1000':
      return { text: geminiDetectionText(classes), schema: geminiBoxesSchema(request.classes ?? []), schemaName: 'detections' };
  }
}

export interface TaskParameters {
  prompt?: string | null;
  classes?: readonly string[] | null;
  outputStructure?: Record<string, string> | null;
}

/** The system message (if any) and the text placed before the image. */
export interface TaskRequest {
  system?: string;
  text?: string;
}

/** The instructions of `buildTaskPrompt` without a response schema, for models that have no structured output. */
export function taskRequest(task: VlmTaskType, parameters: TaskParameters): TaskRequest {
  const { system, text } = buildTaskPrompt({ task, ...parameters });
  return { ...(system === undefined ? {} : { system }), ...(text === undefined ? {} : { text }) };
}
