import type { Usage } from '../wire/usage.js';

interface IndexedListResponse {
  data: { index: number }[];
  usage: Usage;
}

/**
 * Reassembles chunk responses into what one response for the whole list would have been: the first chunk's
 * `id`, `created` and `model`, every item with its `index` shifted by its chunk's start, usage summed.
 */
export function mergeIndexedResponses<Response extends IndexedListResponse>(parts: readonly Response[], starts: readonly number[]): Response {
  const [first] = parts;
  if (!first) throw new Error('mergeIndexedResponses needs at least one response');
  const data = parts.flatMap((part, position) => {
    const offset = starts[position] ?? 0;
    // vLLM gathers results by position already; sorting guards against a proxy that reorders.
    return [...part.data].sort((a, b) => a.index - b.index).map((item) => ({ ...item, index: item.index + offset }));
  });
  return { ...first, data, usage: sumUsage(parts.map((part) => part.usage)) };
}

export function sumUsage(usages: readonly Usage[]): Usage {
  const sum = (pick: (usage: Usage) => number | null | undefined) => usages.reduce((total, usage) => total + (pick(usage) ?? 0), 0);
  const [first] = usages;
  const usage: Usage = { prompt_tokens: sum((item) => item.prompt_tokens), total_tokens: sum((item) => item.total_tokens) };
  if (usages.some((item) => typeof item.completion_tokens === 'number')) usage.completion_tokens = sum((item) => item.completion_tokens);
  else if (first && 'completion_tokens' in first) usage.completion_tokens = first.completion_tokens;
  if (usages.some((item) => typeof item.prompt_tokens_details?.cached_tokens === 'number')) {
    usage.prompt_tokens_details = { cached_tokens: sum((item) => item.prompt_tokens_details?.cached_tokens) };
  } else if (first && 'prompt_tokens_details' in first) {
    usage.prompt_tokens_details = first.prompt_tokens_details;
  }
  return usage;
}
