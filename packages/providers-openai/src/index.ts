export { createOpenAI, requestIdOf, OPENAI_DEFAULT_BASE_URL, type OpenAIProvider, type OpenAIProviderSettings, type OpenAIModelSettings } from './create-openai.js';
export { readOpenAIOptions, type OpenAIProviderOptions, type OpenAIApi } from './openai-options.js';
export { isReasoningModel } from './model-family.js';
export { openAIImageLimits } from './image-limits.js';
// Shared with @flow/providers-openrouter and other OpenAI-compatible vendors: one mapping, not two.
export { buildChatRequest, chatResponseFormat, dataUrl, schemaName, type ChatRequestRules } from './chat/chat-request.js';
export { chatResult, chatFinishReason } from './chat/chat-result.js';
export { toProviderApiError, type ErrorContext, type SdkErrorClasses } from './errors/to-provider-api-error.js';
// Kept for callers of earlier releases; the one implementation lives in @flow/providers-core.
/** @deprecated use `maskSecrets`, `redactedCause`, `retryAfterMsFromHeaders` and `isRetryableStatus` from @flow/providers-core. */
export { maskSecrets as redactSecrets, redactedCause, retryAfterMsFromHeaders as retryAfterMs, isRetryableStatus } from '@flow/providers-core';
export { loadSetting, requireApiKey } from '@flow/providers-core';
