import { openAIBlock } from './openai-block.js';

export { openAIV1 } from './v1.js';

/** v2: task types on Chat Completions, the key required, GPT-4o by default, the v1 formatters. */
export const openAIV2 = openAIBlock({ version: 2, api: 'chat', defaultModel: 'gpt-4o', apiKeyDefaultsToManagedKey: false, modern: false, detectionPerModel: false });
/** v3: the key defaults to `rf_key:account`, more models, GPT-5 by default. */
export const openAIV3 = openAIBlock({ version: 3, api: 'chat', defaultModel: 'gpt-5', apiKeyDefaultsToManagedKey: true, modern: false, detectionPerModel: false });
/** v4: the Responses API, `reasoning_effort`, optional `max_tokens`, object-detection, the v2 formatters. */
export const openAIV4 = openAIBlock({ version: 4, api: 'responses', defaultModel: 'gpt-5.1', apiKeyDefaultsToManagedKey: true, modern: true, detectionPerModel: false });
/** v5: object-detection answers in the shape each model does best, on a PNG of at most 2048 px. */
export const openAIV5 = openAIBlock({ version: 5, api: 'responses', defaultModel: 'gpt-5.1', apiKeyDefaultsToManagedKey: true, modern: true, detectionPerModel: true });
