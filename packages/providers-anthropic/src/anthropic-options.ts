import { ProviderApiError } from '@flow/providers-core';

/** `providerOptions.anthropic`. Unknown keys and wrong types are refused before any request. */
export interface AnthropicProviderOptions {
  /**
   * Extended thinking: `{ type: 'enabled', budgetTokens }` (at least 1024 and below `maxTokens`) or
   * `{ type: 'adaptive' }` (newer models). Thinking text is not returned; temperature is then left out.
   */
  thinking?: { type: 'enabled'; budgetTokens: number } | { type: 'adaptive' } | { type: 'disabled' };
  /** How a JSON schema is enforced: `native` (`output_config.format`) or `tool` (a forced tool); default by model. */
  structuredOutput?: 'native' | 'tool';
  /** Force streaming (`true`) or not (`false`); by default streaming is used above `STREAMING_MAX_TOKENS`. */
  stream?: boolean;
  /** Only sample from the top K options for each token. */
  topK?: number;
}

const known = new Set(['thinking', 'structuredOutput', 'stream', 'topK']);

export function readAnthropicOptions(value: Record<string, unknown> | undefined): AnthropicProviderOptions {
  if (value === undefined) return {};
  const invalid = (what: string) => new ProviderApiError({ provider: 'anthropic', message: `providerOptions.anthropic: ${what}`, status: null, isRetryable: false });
  for (const key of Object.keys(value)) if (!known.has(key)) throw invalid(`unknown option "${key}" (known: ${[...known].join(', ')})`);
  const { thinking, structuredOutput, stream, topK } = value;
  if (thinking !== undefined) {
    const type = (thinking as { type?: unknown } | null)?.type;
    if (type === 'enabled') {
      const budget = (thinking as { budgetTokens?: unknown }).budgetTokens;
      if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < 1024) throw invalid('thinking.budgetTokens must be an integer of at least 1024');
    } else if (type !== 'adaptive' && type !== 'disabled') {
      throw invalid('thinking.type must be "enabled", "adaptive" or "disabled"');
    }
  }
  if (structuredOutput !== undefined && structuredOutput !== 'native' && structuredOutput !== 'tool') throw invalid('structuredOutput must be "native" or "tool"');
  if (stream !== undefined && typeof stream !== 'boolean') throw invalid('stream must be a boolean');
  if (topK !== undefined && (typeof topK !== 'number' || !Number.isInteger(topK) || topK < 1)) throw invalid('topK must be a positive integer');
  return value as AnthropicProviderOptions;
}
