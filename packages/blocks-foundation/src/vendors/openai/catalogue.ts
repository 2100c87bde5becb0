import type { DetectionFormat } from '../../common/task-prompts.js';

/**
 * OpenAI models the blocks offer, as data (update here when OpenAI ships a model). Taken from the reference
 * blocks (`openai/v1.py` ... `v5.py` of roboflow/inference): the allowed `model_version` values per
 * version, the reasoning efforts each model accepts (v4+), and the object-detection answer shape v5 asks
 * each model for (chosen by the reference's benchmark).
 */
export interface OpenAIModel {
  id: string;
  name: string;
  /** Empty when the model takes no `reasoning_effort`. */
  reasoningEfforts: readonly string[];
  /** v5 object-detection: which answer shape the model is asked for. */
  detectionFormat: DetectionFormat;
}

const NEWEST_EFFORTS = ['none', 'low', 'medium', 'high', 'xhigh'] as const;
const GPT5_EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;

export const OPENAI_MODELS: readonly OpenAIModel[] = [
  { id: 'gpt-5.6-sol', name: 'GPT-5.6 Sol', reasoningEfforts: NEWEST_EFFORTS, detectionFormat: 'absolute-object' },
  { id: 'gpt-5.6-terra', name: 'GPT-5.6 Terra', reasoningEfforts: NEWEST_EFFORTS, detectionFormat: 'absolute-object' },
  { id: 'gpt-5.6-luna', name: 'GPT-5.6 Luna', reasoningEfforts: NEWEST_EFFORTS, detectionFormat: 'absolute-object' },
  { id: 'gpt-5.5', name: 'GPT-5.5', reasoningEfforts: NEWEST_EFFORTS, detectionFormat: 'absolute-object' },
  { id: 'gpt-5.4', name: 'GPT-5.4', reasoningEfforts: NEWEST_EFFORTS, detectionFormat: 'absolute-object' },
  { id: 'gpt-5.4-mini', name: 'GPT-5.4 mini', reasoningEfforts: NEWEST_EFFORTS, detectionFormat: 'absolute-object' },
  { id: 'gpt-5.4-nano', name: 'GPT-5.4 nano', reasoningEfforts: NEWEST_EFFORTS, detectionFormat: 'absolute-list' },
  { id: 'gpt-5.2', name: 'GPT-5.2', reasoningEfforts: NEWEST_EFFORTS, detectionFormat: 'absolute-object' },
  { id: 'gpt-5.1', name: 'GPT-5.1', reasoningEfforts: ['none', 'low', 'medium', 'high'], detectionFormat: 'normalized' },
  { id: 'gpt-5', name: 'GPT-5', reasoningEfforts: GPT5_EFFORTS, detectionFormat: 'normalized' },
  { id: 'gpt-5-mini', name: 'GPT-5 mini', reasoningEfforts: GPT5_EFFORTS, detectionFormat: 'normalized' },
  { id: 'gpt-5-nano', name: 'GPT-5 nano', reasoningEfforts: GPT5_EFFORTS, detectionFormat: 'normalized' },
  { id: 'gpt-4.1', name: 'GPT-4.1', reasoningEfforts: [], detectionFormat: 'absolute-list' },
  { id: 'gpt-4.1-mini', name: 'GPT-4.1 mini', reasoningEfforts: [], detectionFormat: 'absolute-list' },
  { id: 'gpt-4.1-nano', name: 'GPT-4.1 nano', reasoningEfforts: [], detectionFormat: 'absolute-list' },
  { id: 'gpt-4o', name: 'GPT-4o', reasoningEfforts: [], detectionFormat: 'absolute-list' },
  { id: 'gpt-4o-mini', name: 'GPT-4o mini', reasoningEfforts: [], detectionFormat: 'absolute-list' },
];

/** Every value `reasoning_effort` takes in some model. */
export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;

/** The `model_version` (v1: `openai_model`) literals each version accepts, in the reference's order. */
export const OPENAI_MODEL_VERSIONS = {
  1: ['gpt-4o', 'gpt-4o-mini', 'gpt-5.4', 'gpt-5.4-mini', 'gpt-5.4-nano', 'gpt-5.5'],
  2: ['gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-4o', 'gpt-4o-mini', 'gpt-5', 'gpt-5.4', 'gpt-5.4-mini', 'gpt-5.4-nano', 'gpt-5.5'],
  3: ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5.4', 'gpt-5.4-mini', 'gpt-5.4-nano', 'gpt-5.5', 'o3', 'o4-mini'],
  4: OPENAI_MODELS.map((model) => model.id),
  5: OPENAI_MODELS.map((model) => model.id),
} as const satisfies Record<number, readonly string[]>;

const byId = new Map(OPENAI_MODELS.map((model) => [model.id, model]));

export function findOpenAIModel(id: string): OpenAIModel | undefined {
  return byId.get(id);
}

/** v5's answer shape for a model; models the catalogue does not know get the newest generation's. */
export function openAIDetectionFormat(modelId: string): DetectionFormat {
  return byId.get(modelId)?.detectionFormat ?? 'absolute-object';
}

/** Editor labels for `model_version` (`values_metadata`). */
export function openAIModelMetadata(): Record<string, { name: string }> {
  return Object.fromEntries(OPENAI_MODELS.map((model) => [model.id, { name: model.name }]));
}
