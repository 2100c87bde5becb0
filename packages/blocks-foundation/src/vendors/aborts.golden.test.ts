import { WorkflowAbortedError } from '@flow/engine';
import { createOpenAI } from '@flow/providers-openai';
import { startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainedWorkflow, goldenEngine, registryFor } from './test-support/golden.js';
import { pngImage } from './test-support/workflows.js';

const KEY = 'sk-abort-key-123456';
const IMAGES = 12;

/** Resolves once `check` holds, polling every few ms (the fake counts requests as they arrive). */
async function until(check: () => boolean): Promise<void> {
  for (let round = 0; round < 400 && !check(); round += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

/**
 * A caller's abort (the server's request deadline, a client leaving, Ctrl-C in the CLI) while a model step
 * waits on the vendor ends the run as an abort, not as a step failure, and closes every vendor request.
 */
describe('aborting a run while a model block waits on a hanging vendor', () => {
  let fake: FakeVendor;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: KEY });
    fake.setFault({ kind: 'hang' });
  });
  afterAll(() => fake.close());

  const reasons: Array<[string, () => unknown]> = [
    ['Ctrl-C in the CLI', () => new Error('interrupted by Ctrl-C')],
    ["the server's deadline (an HTTP 504 error as reason)", () => Object.assign(new Error('The workflow run did not finish within 50 ms (FLOW_REQUEST_TIMEOUT_MS).'), { name: 'HttpError', statusCode: 504 })],
    ['AbortSignal.timeout (a TimeoutError)', () => new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
  ];

  it.each(reasons)('%s', async (_, reason) => {
    const workflow = goldenEngine.compile({
      ...chainedWorkflow('roboflow_core/open_ai@v5', { task_type: 'ocr', api_key: KEY, max_concurrent_requests: IMAGES }),
      inputs: [{ type: 'WorkflowBatchInput', name: 'image', kind: ['image'] }],
    });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const before = { requests: fake.requests.length, cancelled: fake.cancelled };
      const controller = new AbortController();
      const images = Array.from({ length: IMAGES }, () => pngImage(16, 16));
      // Retries on: an abort must not be taken for a retryable failure either.
      const running = workflow.run({ image: images }, { signal: controller.signal, services: { providers: registryFor({ openai: createOpenAI({ baseURL: fake.baseURL }) }, { maxRetries: 2 }) } });
      const outcome = running.then(() => undefined, (error: unknown) => error);
      await until(() => fake.requests.length - before.requests === IMAGES);
      const why = reason();
      controller.abort(why);
      const error = await outcome;
      expect(error).toBeInstanceOf(WorkflowAbortedError);
      expect(error).toMatchObject({ code: 'RUN_ABORTED', cause: why });
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(KEY);
      await until(() => fake.cancelled - before.cancelled === IMAGES);
      expect(fake.requests.length - before.requests).toBe(IMAGES);
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
