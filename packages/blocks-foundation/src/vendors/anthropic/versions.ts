import { claudeBlock } from './claude-block.js';

/** v1: the key required, `max_tokens` 450, temperature up to 2, labels mapped to ids (unknown ones refused), the v1 formatters. */
export const claudeV1 = claudeBlock({ version: 1, modern: false, apiKeyDefaultsToManagedKey: false });
/** v2: extended thinking, `max_tokens` defaulting to the model's ceiling, temperature up to 1, stop reasons checked, the v2 formatters. */
export const claudeV2 = claudeBlock({ version: 2, modern: true, apiKeyDefaultsToManagedKey: false });
/** v3: the key defaults to `rf_key:account`. */
export const claudeV3 = claudeBlock({ version: 3, modern: true, apiKeyDefaultsToManagedKey: true });
