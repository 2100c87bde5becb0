import type { UsageRecord } from '@flow/engine';

/** Tokens and calls of one provider and model. */
export interface ModelUsage {
  provider: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  calls: number;
  /** Calls answered from the response cache. */
  cached: number;
}

/** Adds up the engine's `onUsage` records by provider and model. */
export class UsageTally {
  private readonly byModel = new Map<string, ModelUsage>();

  record(usage: UsageRecord): void {
    const provider = usage.provider ?? 'unknown';
    const model = usage.model ?? 'unknown';
    const key = `${provider}\u0000${model}`;
    let entry = this.byModel.get(key);
    if (!entry) {
      entry = { provider, model, input_tokens: 0, output_tokens: 0, calls: 0, cached: 0 };
      this.byModel.set(key, entry);
    }
    entry.input_tokens += usage.inputTokens ?? 0;
    entry.output_tokens += usage.outputTokens ?? 0;
    entry.calls += usage.calls ?? 1;
    entry.cached += usage.cached ?? 0;
  }

  add(other: UsageTally): void {
    for (const entry of other.byModel.values()) {
      this.record({ provider: entry.provider, model: entry.model, inputTokens: entry.input_tokens, outputTokens: entry.output_tokens, calls: entry.calls, cached: entry.cached });
    }
  }

  get models(): ModelUsage[] {
    return [...this.byModel.values()];
  }

  get totalTokens(): number {
    return this.models.reduce((sum, entry) => sum + entry.input_tokens + entry.output_tokens, 0);
  }

  /** The `usage` of a result line: totals, and one entry per provider and model. */
  toJSON(): { input_tokens: number; output_tokens: number; calls: number; cached: number; models: ModelUsage[] } {
    const models = this.models;
    const sum = (field: 'input_tokens' | 'output_tokens' | 'calls' | 'cached') => models.reduce((total, entry) => total + entry[field], 0);
    return { input_tokens: sum('input_tokens'), output_tokens: sum('output_tokens'), calls: sum('calls'), cached: sum('cached'), models };
  }
}
