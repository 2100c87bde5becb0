export * from './model/language-model.js';
export * from './errors/provider-api-error.js';
export * from './registry/provider-registry.js';
export * from './usage/usage-sink.js';
export * from './images/prepare-image.js';
