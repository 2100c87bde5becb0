export { foundationPack, foundationBlocks } from './pack.js';

// Blocks
export { lmmV1, lmmPrompt, type LmmInputs } from './lmm/lmm-block.js';
export { lmmForClassificationV1, classificationPrompt, classificationResponseFormat, type LmmClassifierInputs } from './lmm-classifier/lmm-classifier-block.js';
export { llamaVisionBlock, missingContentMessage, type LlamaVisionInputs } from './llama-vision/llama-vision-block.js';
export { llama32VisionV1 } from './llama-vision/v1.js';
export { llamaVisionV2 } from './llama-vision/v2.js';
export { LLAMA_V1_MODEL_VERSIONS, LLAMA_V2_MODEL_VERSIONS, PRIVACY_ROUTING, type PrivacyLevel } from './llama-vision/model-versions.js';
export { jsonParserV1, type JsonParserInputs } from './json-parser/json-parser-block.js';
export { vllmClassifierV1, type VllmClassifierInputs } from './vllm-classifier/vllm-classifier-block.js';

// Vendor VLM blocks (OpenAI, Anthropic Claude, Google Gemini), their catalogues and prompts
export * from './vendors/index.js';

// Parsing
export { parseLmmOutput, structuredLmmOutput, pickExpectedKeys, NOT_DETECTED } from './lmm/structured-output.js';
export { parseJsonFields, type ParsedJsonFields } from './json-parser/parse-json-fields.js';

// Shared helpers for model blocks (also used by the vendor blocks)
export { providersOf, envOf } from './common/services.js';
export { resolveApiKey, isRoboflowManagedKey, type ApiKeyLookup } from './common/api-key.js';
export { mapPerImage, defaultMaxConcurrentRequests } from './common/per-image.js';
export { askPerImage } from './common/ask-per-image.js';
export { describeModelFailure, vendorName } from './common/model-failure.js';
export { imagePartOf } from './common/image-part.js';
export { imagesProperties, imagesOf, requireImages, requireOneImageProperty, IMAGE_BATCH_PARAMETERS, IMAGE_PROPERTY_ALIASES } from './common/images-property.js';
export { missingTaskField, VLM_TASK_METADATA, type VlmTask } from './common/vlm-tasks.js';
export { taskRequest, type TaskParameters, type TaskRequest } from './common/task-prompts.js';
