/**
 * Task types of the VLM blocks (reference §0.5) and the request each one makes. The prompts are ours;
 * each makes the model answer in the shape the parser after it reads: `vlm_as_classifier` for the
 * classification tasks, `vlm_as_detector@v2` (normalised boxes) for object detection, `json_parser` for
 * structured answering.
 */
export const VLM_TASK_METADATA = {
  unconstrained: { name: 'Open Prompt', description: 'Use any prompt to generate a raw response' },
  ocr: { name: 'Text Recognition (OCR)', description: 'Model recognizes text in the image' },
  'visual-question-answering': { name: 'Visual Question Answering', description: 'Model answers the question you submit in the prompt' },
  caption: { name: 'Captioning (short)', description: 'Model provides a short description of the image' },
  'detailed-caption': { name: 'Captioning', description: 'Model provides a long description of the image' },
  classification: { name: 'Single-Label Classification', description: 'Model classifies the image content as one of the provided classes' },
  'multi-label-classification': { name: 'Multi-Label Classification', description: 'Model classifies the image content as one or more of the provided classes' },
  'object-detection': { name: 'Unprompted Object Detection', description: 'Model detects and returns the bounding boxes for prominent objects in the image' },
  'structured-answering': { name: 'Structured Output Generation', description: 'Model returns a JSON response with the specified fields' },
} as const;

export type VlmTask = keyof typeof VLM_TASK_METADATA;

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

const JSON_ONLY = 'Reply with the JSON document only, inside a ```json fenced block; no other text.';

const classList = (classes: readonly string[] | null | undefined) => `Classes: ${(classes ?? []).join(', ')}`;

/** The request for one task; unknown tasks are rejected by the manifest before a run. */
export function taskRequest(task: VlmTask, parameters: TaskParameters): TaskRequest {
  switch (task) {
    case 'unconstrained':
      return { text: parameters.prompt ?? '' };
    case 'ocr':
      return { system: 'Read all the text in the image. Return only the text, keeping its paragraphs and line breaks as they appear; add nothing of your own.' };
    case 'visual-question-answering':
      return {
        system: 'Answer the question the user asks about the image. For an open question, answer in a few sentences; for a multiple-choice question, reply with the letter of the answer only.',
        text: `Question: ${parameters.prompt ?? ''}`,
      };
    case 'caption':
      return { system: 'Describe the image in one short sentence.' };
    case 'detailed-caption':
      return { system: 'Describe the image in detail: the scene, the objects in it, their attributes and how they relate.' };
    case 'classification':
      return {
        system: `Classify the image into exactly one of the classes the user lists. ${JSON_ONLY} Its shape: {"class_name": "<one of the classes>", "confidence": <number between 0 and 1>}. Give a single object, never a list, even if several classes could fit.`,
        text: classList(parameters.classes),
      };
    case 'multi-label-classification':
      return {
        system: `Say which of the classes the user lists are present in the image. ${JSON_ONLY} Its shape: {"predicted_classes": [{"class": "<one of the classes>", "confidence": <number between 0 and 1>}]}. List only classes that are visible; confidence is how sure you are that the class is present.`,
        text: classList(parameters.classes),
      };
    case 'object-detection':
      return {
        system: `Find every instance of the classes the user lists and box it. ${JSON_ONLY} Its shape: {"detections": [{"x_min": 0.1, "y_min": 0.2, "x_max": 0.3, "y_max": 0.4, "class_name": "<one of the classes>", "confidence": 0.7}]}. Coordinates are fractions of the image width and height, between 0 and 1; confidence is between 0 and 1.`,
        text: classList(parameters.classes),
      };
    case 'structured-answering':
      return {
        system: `Answer with a JSON object that has every key the user specifies; each key's value in the specification describes what to put there. ${JSON_ONLY}`,
        text: `Fields of the answer:\n${JSON.stringify(parameters.outputStructure ?? {}, null, 4)}`,
      };
  }
}

/** Which field each task needs (reference messages, verbatim: users search for them). */
export function missingTaskField(task: VlmTask, parameters: { prompt?: unknown; classes?: unknown; output_structure?: unknown }): string | undefined {
  const needs = (field: 'prompt' | 'classes' | 'output_structure') =>
    parameters[field] === undefined || parameters[field] === null ? `\`${field}\` parameter required to be set for task \`${task}\`` : undefined;
  switch (task) {
    case 'unconstrained':
    case 'visual-question-answering':
      return needs('prompt');
    case 'classification':
    case 'multi-label-classification':
    case 'object-detection':
      return needs('classes');
    case 'structured-answering':
      return needs('output_structure');
    default:
      return undefined;
  }
}
