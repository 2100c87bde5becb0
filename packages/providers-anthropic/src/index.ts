export { createAnthropic, ANTHROPIC_DEFAULT_BASE_URL, STREAMING_MAX_TOKENS, type AnthropicProvider, type AnthropicProviderSettings } from './create-anthropic.js';
export { readAnthropicOptions, type AnthropicProviderOptions } from './anthropic-options.js';
export { buildMessagesRequest, RESPONSE_TOOL_NAME } from './messages-request.js';
export { messagesResult, anthropicFinishReason } from './messages-result.js';
export { ANTHROPIC_IMAGE_LIMITS } from './image-limits.js';
export { toProviderApiError } from './errors/to-provider-api-error.js';
export { acceptsSampling, defaultMaxTokens, supportsNativeStructuredOutput } from './model-family.js';
