import type { BlockDefinition } from '@flow/engine';
import { claudeV1, claudeV2, claudeV3 } from './anthropic/versions.js';
import { geminiV1, geminiV2, geminiV3, geminiV4 } from './gemini/versions.js';
import { openAIV1, openAIV2, openAIV3, openAIV4, openAIV5 } from './openai/versions.js';

export { openAIV1, openAIV2, openAIV3, openAIV4, openAIV5 } from './openai/versions.js';
export { claudeV1, claudeV2, claudeV3 } from './anthropic/versions.js';
export { geminiV1, geminiV2, geminiV3, geminiV4 } from './gemini/versions.js';
export { OPENAI_MODELS, OPENAI_MODEL_VERSIONS, REASONING_EFFORTS, type OpenAIModel } from './openai/catalogue.js';
export { CLAUDE_MODELS, CLAUDE_V1_MODEL_IDS, type ClaudeModel } from './anthropic/catalogue.js';
export { GEMINI_MODELS, GEMINI_MODEL_ALIASES, GEMINI_MODEL_VERSIONS, type GeminiModel } from './gemini/catalogue.js';
export { buildTaskPrompt, type DetectionFormat, type PromptRequest, type TaskPrompt } from '../common/task-prompts.js';
export { VLM_TASK_TYPES, type VlmTaskType } from '../common/vlm-tasks.js';

/** The twelve vendor VLM blocks: OpenAI v1-v5, Anthropic Claude v1-v3, Google Gemini v1-v4. */
export const vendorBlocks: readonly BlockDefinition[] = [
  openAIV1,
  openAIV2,
  openAIV3,
  openAIV4,
  openAIV5,
  claudeV1,
  claudeV2,
  claudeV3,
  geminiV1,
  geminiV2,
  geminiV3,
  geminiV4,
];
