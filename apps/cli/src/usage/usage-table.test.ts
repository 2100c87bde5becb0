import { describe, expect, it } from 'vitest';
import { UsageTally } from './usage-table.js';

describe('UsageTally', () => {
  it('adds up calls and tokens per step and model, with a total line', () => {
    const tally = new UsageTally();
    tally.record({ step: 'gpt', provider: 'openai', model: 'gpt-4o', inputTokens: 100, outputTokens: 5, calls: 1, cached: 0 });
    tally.record({ step: 'gpt', provider: 'openai', model: 'gpt-4o', inputTokens: 110, outputTokens: 6, calls: 1, cached: 1 });
    tally.record({ step: 'llama', provider: 'openrouter', model: 'meta-llama/llama-3.2-11b-vision-instruct', inputTokens: 40, outputTokens: 9, calls: 1, cached: 0 });
    expect(tally.rows).toEqual([
      { step: 'gpt', provider: 'openai', model: 'gpt-4o', calls: 2, cached: 1, inputTokens: 210, outputTokens: 11 },
      { step: 'llama', provider: 'openrouter', model: 'meta-llama/llama-3.2-11b-vision-instruct', calls: 1, cached: 0, inputTokens: 40, outputTokens: 9 },
    ]);
    const lines = tally.format().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^step\s+provider\s+model\s+calls\s+cached\s+input tokens\s+output tokens$/);
    expect(lines[2]).toMatch(/^gpt\s+openai\s+gpt-4o\s+2\s+1\s+210\s+11$/);
    expect(lines.at(-1)).toMatch(/^total\s+3\s+1\s+250\s+20$/);
  });

  it('says so when there were no model calls', () => {
    expect(new UsageTally().format()).toBe('usage: no model calls\n');
  });
});
