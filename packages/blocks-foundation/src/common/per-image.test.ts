import { describe, expect, it } from 'vitest';
import { mapPerImage } from './per-image.js';

describe('mapPerImage', () => {
  it('answers in input order, at most `limit` at a time', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapPerImage([30, 10, 20, 0], 2, new AbortController().signal, async (ms, index) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      return index;
    });
    expect(results).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('fails naming the first failing element', async () => {
    const failing = mapPerImage([1, 2, 3], 1, new AbortController().signal, async (value) => {
      if (value === 2) throw new Error('vendor said no');
      return value;
    });
    await expect(failing).rejects.toMatchObject({ code: 'MODEL_REQUEST_FAILED', message: 'image 1: vendor said no', details: { batchIndex: 1 } });
  });

  it("rejects with the caller's abort reason, not a model failure, when the requests fail because the run aborted", async () => {
    const run = new AbortController();
    const reason = new Error('interrupted by Ctrl-C');
    const pending = mapPerImage([1, 2, 3], 3, run.signal, (_, index) => {
      if (index === 2) run.abort(reason);
      return new Promise<number>((_, reject) => {
        if (run.signal.aborted) reject(new Error('OpenAI request was aborted'));
        else run.signal.addEventListener('abort', () => reject(new Error('OpenAI request was aborted')), { once: true });
      });
    });
    await expect(pending).rejects.toBe(reason);
  });
});
