import type { FinishReason, TokenUsage } from '../model/language-model.js';

/** What the cache keeps of an answer: everything a caller reads except `cached`. */
export interface CachedAnswer {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  model: string;
  requestId?: string;
}

/** Where the cache middleware keeps answers, by key (a sha256 hex digest). */
export interface ResponseCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer): Promise<void>;
}

/** Reads a stored answer back, or `undefined` when it is not one (a foreign or damaged entry is a miss). */
export function asCachedAnswer(value: unknown): CachedAnswer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const usage = record['usage'] as Record<string, unknown> | undefined;
  if (
    typeof record['text'] !== 'string' ||
    typeof record['finishReason'] !== 'string' ||
    typeof record['model'] !== 'string' ||
    typeof usage !== 'object' ||
    usage === null ||
    typeof usage['inputTokens'] !== 'number' ||
    typeof usage['outputTokens'] !== 'number'
  ) {
    return undefined;
  }
  const answer: CachedAnswer = {
    text: record['text'],
    finishReason: record['finishReason'] as FinishReason,
    usage: { inputTokens: usage['inputTokens'], outputTokens: usage['outputTokens'] },
    model: record['model'],
  };
  if (typeof record['requestId'] === 'string') answer.requestId = record['requestId'];
  return answer;
}
