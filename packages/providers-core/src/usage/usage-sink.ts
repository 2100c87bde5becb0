/** One model call's usage, as reported to a block's `context.usage` (structurally the engine's `UsageRecord`). */
export interface ModelUsage {
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  calls: number;
  /** 1 when the answer came from the cache, else 0. */
  cached: number;
}

/** Where the registry's usage middleware reports each call; pass a block's `context.usage`. */
export interface UsageSink {
  record(usage: ModelUsage): void;
}
