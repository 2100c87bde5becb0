export { providersOf } from './common/services.js';
export { resolveApiKey, isRoboflowManagedKey, type ApiKeyLookup } from './common/api-key.js';
export { mapPerImage, defaultMaxConcurrentRequests } from './common/per-image.js';
