import type { CachedAnswer, ResponseCache } from './response-cache.js';

export interface MemoryCacheOptions {
  /** Most answers kept (default 10 000). */
  maxEntries?: number;
  /** Most bytes of answer text kept, roughly (default 64 MiB). */
  maxBytes?: number;
}

/** Answers kept in this process, least recently used dropped first. For servers; lost on restart. */
export class MemoryCache implements ResponseCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  #entries = new Map<string, { answer: CachedAnswer; bytes: number }>();
  #bytes = 0;

  constructor(options: MemoryCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is always the least recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return structuredClone(entry.answer);
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    const bytes = 2 * (answer.text.length + answer.model.length + (answer.requestId?.length ?? 0)) + 128;
    if (bytes > this.maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) {
      this.#entries.delete(key);
      this.#bytes -= previous.bytes;
    }
    this.#entries.set(key, { answer: structuredClone(answer), bytes });
    this.#bytes += bytes;
    while (this.#entries.size > this.maxEntries || this.#bytes > this.maxBytes) {
      const oldest = this.#entries.keys().next().value as string;
      this.#bytes -= this.#entries.get(oldest)!.bytes;
      this.#entries.delete(oldest);
    }
  }
}

export function createMemoryCache(options?: MemoryCacheOptions): MemoryCache {
  return new MemoryCache(options);
}
