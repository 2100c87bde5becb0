import type { Detections } from '@flow/kinds';
import type { PythonValue } from '../json/python-json.js';
import type { ParseContext } from '../parsers/attach-metadata.js';
import { parseFlorence2Detections, type FlorenceTask } from '../parsers/florence2.js';
import { parseGeminiDetections } from '../parsers/gemini.js';
import { parseLegacyNormalizedDetections } from '../parsers/legacy-normalized.js';
import { parseMuseDetections } from '../parsers/muse.js';
import { parseOpenAiDetections } from '../parsers/openai.js';
import { parseQwenDetections } from '../parsers/qwen.js';
import { parseSpacexaiDetections } from '../parsers/spacexai.js';

/** The task types both detector versions accept in a manifest (whether a model supports one is checked separately). */
export const DETECTOR_TASK_TYPES = [
  'object-detection',
  'object-detection-and-caption',
  'open-vocabulary-object-detection',
  'phrase-grounded-object-detection',
  'region-proposal',
  'ocr-with-text-detection',
] as const;

export const DETECTOR_V1_MODEL_TYPES = ['google-gemini', 'anthropic-claude', 'florence-2'] as const;
export const DETECTOR_V2_MODEL_TYPES = ['openai', 'google-gemini', 'anthropic-claude', 'spacexai', 'qwen', 'muse', 'florence-2'] as const;

export type DetectorTaskType = (typeof DETECTOR_TASK_TYPES)[number];
export type DetectorV1ModelType = (typeof DETECTOR_V1_MODEL_TYPES)[number];
export type DetectorV2ModelType = (typeof DETECTOR_V2_MODEL_TYPES)[number];
export type DetectorModelType = DetectorV1ModelType | DetectorV2ModelType;
export type DetectorVersion = 1 | 2;

export type DetectionParser = (parsed: PythonValue, context: ParseContext) => Detections;

/** Florence-2 reads the same JSON for every task; the task token decides which keys and class ids. */
const florenceTasks: Record<DetectorTaskType, FlorenceTask> = {
  'object-detection': '<OD>',
  'open-vocabulary-object-detection': '<OPEN_VOCABULARY_DETECTION>',
  'object-detection-and-caption': '<DENSE_REGION_CAPTION>',
  'phrase-grounded-object-detection': '<CAPTION_TO_PHRASE_GROUNDING>',
  'region-proposal': '<REGION_PROPOSAL>',
  'ocr-with-text-detection': '<OCR_WITH_REGION>',
};

function registryKey(modelType: string, taskType: string): string {
  return `${modelType}\u0000${taskType}`;
}

function buildRegistry(objectDetection: Record<string, DetectionParser>): ReadonlyMap<string, DetectionParser> {
  const registry = new Map<string, DetectionParser>();
  for (const [modelType, parser] of Object.entries(objectDetection)) registry.set(registryKey(modelType, 'object-detection'), parser);
  for (const [taskType, task] of Object.entries(florenceTasks)) {
    registry.set(registryKey('florence-2', taskType), (parsed, context) => parseFlorence2Detections(parsed, context, task));
  }
  return registry;
}

/** v1: Claude answers are read with the Gemini parser. */
const v1Parsers = buildRegistry({
  'google-gemini': parseGeminiDetections,
  'anthropic-claude': parseGeminiDetections,
});

/** v2: Claude uses the legacy normalised parser (a v1 Claude `box_2d` answer fails here, as in the reference). */
const v2Parsers = buildRegistry({
  openai: parseOpenAiDetections,
  'google-gemini': parseGeminiDetections,
  'anthropic-claude': parseLegacyNormalizedDetections,
  spacexai: parseSpacexaiDetections,
  qwen: parseQwenDetections,
  muse: parseMuseDetections,
});

/** The parser registered for a (model type, task type) pair, if any. */
export function findDetectionParser(version: DetectorVersion, modelType: string, taskType: string): DetectionParser | undefined {
  return (version === 1 ? v1Parsers : v2Parsers).get(registryKey(modelType, taskType));
}
