import type { PoolingInput, TokenIds } from '../wire/request-params.js';

/**
 * The prompts of a completion-style `input` when it is a list of several (`string[]` or `number[][]`), else
 * `undefined`. A flat `number[]` is one pre-tokenized prompt and must never be split.
 */
export function promptList(input: PoolingInput): readonly string[] | readonly TokenIds[] | undefined {
  if (!Array.isArray(input) || input.length === 0) return undefined;
  const first = input[0];
  return typeof first === 'string' || Array.isArray(first) ? (input as readonly string[] | readonly TokenIds[]) : undefined;
}

export interface Chunk<Item> {
  /** Position of `items[0]` in the whole list. */
  start: number;
  items: Item[];
}

/** Splits into chunks of at most `size`, in order. */
export function chunk<Item>(items: readonly Item[], size: number): Chunk<Item>[] {
  const chunks: Chunk<Item>[] = [];
  for (let start = 0; start < items.length; start += size) chunks.push({ start, items: items.slice(start, start + size) });
  return chunks;
}
