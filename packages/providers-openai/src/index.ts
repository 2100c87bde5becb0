export { createOpenAI, requestIdOf, OPENAI_DEFAULT_BASE_URL, type OpenAIProvider, type OpenAIProviderSettings, type OpenAIModelSettings } from './create-openai.js';
export { readOpenAIOptions, type OpenAIProviderOptions, type OpenAIApi } from './openai-options.js';
export { isReasoningModel } from './model-family.js';
export { openAIImageLimits } from './image-limits.js';
// Shared with @flow/providers-openrouter and other OpenAI-compatible vendors: one mapping, not two.
export { buildChatRequest, chatResponseFormat, dataUrl, schemaName, type ChatRequestRules } from './chat/chat-request.js';
export { chatResult, chatFinishReason } from './chat/chat-result.js';
export { toProviderApiError, type ErrorContext, type SdkErrorClasses } from './errors/to-provider-api-error.js';
export { redactSecrets, redactedCause } from './errors/redact-secrets.js';
export { retryAfterMs, isRetryableStatus } from './errors/retry-after.js';
export { loadSetting, requireApiKey } from './openai-settings.js';
