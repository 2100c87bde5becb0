export { createOpenRouter, OPENROUTER_DEFAULT_BASE_URL, type OpenRouterProvider, type OpenRouterProviderSettings } from './create-openrouter.js';
export { openRouterImageLimits } from './openrouter-image-limits.js';
export { openRouterReplyError } from './openrouter-reply-error.js';
