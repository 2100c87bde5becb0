/** `model_version` labels to OpenRouter model ids (reference §8). */
export const LLAMA_V1_MODEL_VERSIONS = {
  '11B (Free) - OpenRouter': 'meta-llama/llama-3.2-11b-vision-instruct:free',
  '11B (Regular) - OpenRouter': 'meta-llama/llama-3.2-11b-vision-instruct',
  '90B (Free) - OpenRouter': 'meta-llama/llama-3.2-90b-vision-instruct:free',
  '90B (Regular) - OpenRouter': 'meta-llama/llama-3.2-90b-vision-instruct',
} as const;

export const LLAMA_V2_MODEL_VERSIONS = {
  '11B - OpenRouter': 'meta-llama/llama-3.2-11b-vision-instruct',
} as const;

/** v2's `privacy_level` as OpenRouter provider routing (`allow` adds nothing). */
export const PRIVACY_ROUTING = {
  allow: undefined,
  deny: { data_collection: 'deny' },
  zdr: { data_collection: 'deny', zdr: true },
} as const;

export type PrivacyLevel = keyof typeof PRIVACY_ROUTING;
