import { describe, expect, it, vi } from 'vitest';
import { describeProgress, formatDuration, ProgressReporter, type BatchCounts } from './progress-reporter.js';

describe('describeProgress', () => {
  it('shows done/total, failures, rate, ETA and tokens', () => {
    const counts: BatchCounts = { done: 40, failed: 2, skipped: 10, total: 250, tokens: 12345 };
    expect(describeProgress(counts, 20_000)).toBe('50/250 · failed 2 · skipped 10 · 2.0/s · ETA 1m40s · 12,345 tokens');
    expect(describeProgress({ ...counts, total: undefined }, 20_000)).toBe('50/? · failed 2 · skipped 10 · 2.0/s · ETA ? · 12,345 tokens');
  });

  it('formats durations readably', () => {
    expect([900, 12_400, 75_000, 3_726_000].map(formatDuration)).toEqual(['0.9s', '12s', '1m15s', '1h02m']);
  });
});

describe('ProgressReporter', () => {
  it('redraws a bar in place on a terminal and clears it before a note', () => {
    vi.useFakeTimers();
    try {
      const written: string[] = [];
      const counts: BatchCounts = { done: 0, failed: 0, skipped: 0, total: 4, tokens: 0 };
      const reporter = new ProgressReporter({ isTTY: true, write: (text: string) => written.push(text) }, () => counts, { quiet: false });
      reporter.start();
      counts.done = 2;
      vi.advanceTimersByTime(1000);
      expect(written.at(-1)).toMatch(/^\r\x1b\[2K\[#{12}-{12}\] 2\/4 · failed 0/);
      reporter.note('stopping');
      expect(written.slice(-2)).toEqual(['\r\x1b[2K', 'stopping\n']);
      reporter.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes nothing when quiet', () => {
    vi.useFakeTimers();
    try {
      const written: string[] = [];
      const reporter = new ProgressReporter({ isTTY: true, write: (text: string) => written.push(text) }, () => ({ done: 1, failed: 0, skipped: 0, total: 1, tokens: 0 }), { quiet: true });
      reporter.start();
      reporter.update();
      vi.advanceTimersByTime(10_000);
      reporter.stop();
      expect(written).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
