export { createGemini, GEMINI_DEFAULT_BASE_URL, type GeminiProvider, type GeminiProviderSettings } from './create-gemini.js';
export { readGeminiOptions, geminiProviderOptionsSchema, type GeminiProviderOptions } from './gemini-options.js';
export { buildGeminiRequest, type GeminiRequest } from './gemini-request.js';
export { geminiResult, geminiFinishReason, generateContentResponseSchema } from './gemini-response.js';
export { jsonSchemaToGemini, type GeminiSchemaConversion } from './json-schema-to-gemini.js';
export { GEMINI_IMAGE_LIMITS } from './image-limits.js';
