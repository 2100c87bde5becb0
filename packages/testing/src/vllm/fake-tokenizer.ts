/**
 * A deterministic stand-in for a Hugging Face tokenizer: one token per word or punctuation mark, ids from a
 * hash. Good enough to give stable token counts, truncation and out-of-vocabulary errors.
 */
// Qwen2.5's vocabulary size, so token ids from real examples are in range.
export const VOCABULARY_SIZE = 151_936;
export const BOS_TOKEN_ID = 1;
const FIRST_WORD_TOKEN_ID = 100;

const knownWords = new Map<number, string>([[BOS_TOKEN_ID, '<s>']]);

export interface Tokens {
  ids: number[];
  strings: string[];
}

export function tokenizeText(text: string): Tokens {
  const words = text.match(/[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
  const ids = words.map((word) => {
    const id = FIRST_WORD_TOKEN_ID + (hashString(word) % (VOCABULARY_SIZE - FIRST_WORD_TOKEN_ID));
    knownWords.set(id, word);
    return id;
  });
  return { ids, strings: words };
}

/** Token strings for ids, for `return_token_strs` and `/detokenize`. */
export function tokenStrings(ids: readonly number[]): string[] {
  return ids.map((id) => knownWords.get(id) ?? `<tok_${id}>`);
}

/** FNV-1a, 32 bits: small, fast and stable across runs. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function hashNumbers(numbers: readonly number[], seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (const value of numbers) {
    hash ^= value & 0xffff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash ^= value >>> 16;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return finalizeHash(hash);
}

/** murmur3's finaliser: FNV alone keeps neighbouring inputs too close, which made logits correlate. */
function finalizeHash(hash: number): number {
  let mixed = hash >>> 0;
  mixed ^= mixed >>> 16;
  mixed = Math.imul(mixed, 0x85ebca6b) >>> 0;
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35) >>> 0;
  mixed ^= mixed >>> 16;
  return mixed >>> 0;
}
