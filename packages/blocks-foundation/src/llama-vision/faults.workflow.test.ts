import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPENROUTER_TEST_KEY, pngInput, sentImageWidth, startModelHost, type ModelHost } from '../test-support/model-host.js';

let host: ModelHost;
beforeAll(async () => {
  host = await startModelHost({ maxRetries: 2 });
  host.openrouter.reply('fine');
});
afterAll(() => host.close());
afterEach(() => {
  host.openrouter.clearFaults();
  host.openrouter.reply('fine');
  vi.unstubAllEnvs();
});

const workflow = (step: Record<string, unknown> = {}) => ({
  version: '1.0',
  inputs: [{ type: 'WorkflowImage', name: 'image' }],
  steps: [{ type: 'roboflow_core/llama_vision@v2', name: 'llama', images: '$inputs.image', task_type: 'caption', api_key: OPENROUTER_TEST_KEY, ...step }],
  outputs: [{ type: 'JsonField', name: 'output', selector: '$steps.llama.output' }],
});

async function failure(run: Promise<unknown>): Promise<Error> {
  try {
    await run;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the run to fail');
}

/** Every message in an error's cause chain, so a key anywhere in it would show. */
function fullText(error: unknown): string {
  const parts: string[] = [];
  for (let current = error as { message?: string; cause?: unknown } | undefined; current; current = current.cause as never) parts.push(String(current.message));
  return parts.join(' | ');
}

describe('model step faults (OpenRouter fake, real provider and middleware)', () => {
  it('429 then success: retried, the run succeeds', async () => {
    host.openrouter.setFault({ kind: 'error', status: 429, message: 'slow down', times: 1 });
    const before = host.openrouter.requests.length;
    const { serialized } = await host.run(workflow(), { image: pngInput(30, 20) });
    expect(serialized[0]!['output']).toBe('fine');
    expect(host.openrouter.requests.length - before).toBe(2);
  });

  it('401: fails the step naming the step, the image, OpenRouter and the status, without the key', async () => {
    const error = await failure(host.run(workflow({ api_key: 'sk-or-wrong-key-123456' }), { image: pngInput(30, 20) }));
    expect(error.message).toMatch(/Step `llama`/);
    expect(error.message).toMatch(/image 0/);
    expect(error.message).toMatch(/OpenRouter/);
    expect(error.message).toMatch(/status 401/);
    expect(fullText(error)).not.toContain('sk-or-wrong-key-123456');
  });

  it('500 after retries: three attempts, then the step fails with the status', async () => {
    host.openrouter.setFault({ kind: 'error', status: 500, message: 'boom' });
    const before = host.openrouter.requests.length;
    const error = await failure(host.run(workflow(), { image: pngInput(30, 20) }));
    expect(host.openrouter.requests.length - before).toBe(3);
    expect(error.message).toMatch(/status 500/);
    expect(error.message).toMatch(/3 attempts/);
  });

  it('a failure of the second image names `image 1`', async () => {
    host.openrouter.reply((request) => (sentImageWidth(request) === 40 ? { status: 400, body: { error: { code: 400, message: 'bad image' } } } : 'fine'));
    const error = await failure(host.run(workflow(), { image: [pngInput(30, 20), pngInput(40, 20), pngInput(50, 20)] }));
    expect(error.message).toMatch(/image 1: the OpenRouter request failed \(status 400\)/);
  });

  it('choices: null is a step error naming OpenRouter with its message', async () => {
    host.openrouter.reply({ error: { code: 502, message: 'No endpoints found' } });
    const error = await failure(host.run(workflow(), { image: pngInput(30, 20) }));
    expect(error.message).toMatch(/OpenRouter/);
    expect(error.message).toMatch(/No endpoints found/);
  });

  it('v2: a reply without content fails with the reference message and its finish-reason hint; v1 passes it on', async () => {
    host.openrouter.reply({ text: '', finishReason: 'length' });
    const error = await failure(host.run(workflow(), { image: pngInput(30, 20) }));
    expect(error.message).toContain('Step `llama`: image 0: OpenRouter response missing message.content. The model may be a reasoning model that ran out of tokens');
    host.openrouter.reply({ text: '', finishReason: 'stop' });
    expect((await failure(host.run(workflow(), { image: pngInput(30, 20) }))).message).toContain('This can happen when the model returns only tool calls or reasoning tokens.');
    const { serialized } = await host.run(workflow({ type: 'roboflow_core/llama_3_2_vision@v1' }), { image: pngInput(30, 20) });
    expect(serialized[0]!['output']).toBe('');
  });

  it('a hanging vendor: the run is aborted by its signal and the connection closed', async () => {
    host.openrouter.setFault({ kind: 'hang' });
    const cancelledBefore = host.openrouter.cancelled;
    const error = await failure(host.run(workflow(), { image: pngInput(30, 20) }, { signal: AbortSignal.timeout(300) }));
    expect(error.name).toMatch(/Abort/);
    await vi.waitFor(() => expect(host.openrouter.cancelled).toBeGreaterThan(cancelledBefore));
  });

  it('a hanging vendor: the per-attempt timeout fails the step', async () => {
    const quick = await startModelHost({ maxRetries: 0, timeoutMs: 200 });
    try {
      quick.openrouter.setFault({ kind: 'hang' });
      const error = await failure(quick.run(workflow(), { image: pngInput(30, 20) }));
      expect(error.message).toMatch(/Step `llama`: image 0: the OpenRouter request failed \(no response/);
    } finally {
      await quick.close();
    }
  });

  it('a missing key: a clear error before any request, naming step, field and variable', async () => {
    vi.stubEnv('OPENROUTER_API_KEY', '');
    const before = host.openrouter.requests.length;
    const error = await failure(host.run(workflow({ api_key: 'rf_key:account' }), { image: pngInput(30, 20) }));
    expect(error.message).toMatch(/Step `llama`/);
    expect(error.message).toMatch(/`api_key`/);
    expect(error.message).toMatch(/OPENROUTER_API_KEY/);
    expect(host.openrouter.requests.length).toBe(before);
  });

  it('the environment key replaces the managed placeholder', async () => {
    vi.stubEnv('OPENROUTER_API_KEY', OPENROUTER_TEST_KEY);
    const before = host.openrouter.requests.length;
    await host.run(workflow({ api_key: undefined }), { image: pngInput(30, 20) });
    expect(host.openrouter.requests[before]!.headers['authorization']).toBe(`Bearer ${OPENROUTER_TEST_KEY}`);
  });

  it('an answer that is not JSON: the classifier after it reports error_status, the run succeeds', async () => {
    host.openrouter.reply('Probably a cat, I think.');
    const definition = {
      ...workflow({ task_type: 'classification', classes: ['cat', 'dog'] }),
      steps: [
        workflow({ task_type: 'classification', classes: ['cat', 'dog'] }).steps[0],
        { type: 'roboflow_core/vlm_as_classifier@v2', name: 'parser', image: '$inputs.image', vlm_output: '$steps.llama.output', classes: ['cat', 'dog'] },
      ],
      outputs: [{ type: 'JsonField', name: 'error', selector: '$steps.parser.error_status' }, { type: 'JsonField', name: 'predictions', selector: '$steps.parser.predictions' }],
    };
    const { serialized } = await host.run(definition, { image: pngInput(30, 20) });
    expect(serialized[0]).toEqual({ error: true, predictions: null });
  });

  it('max_concurrent_requests bounds the requests in flight; results stay in order', async () => {
    const slow = await startModelHost();
    try {
      slow.openrouter.reply((request) => new Promise((resolve) => setTimeout(() => resolve(`w${sentImageWidth(request)}`), 40)));
      const images = [30, 31, 32, 33, 34, 35].map((width) => pngInput(width, 20));
      const { serialized } = await slow.run(workflow({ max_concurrent_requests: 2 }), { image: images });
      expect(serialized.map((record) => record['output'])).toEqual(['w30', 'w31', 'w32', 'w33', 'w34', 'w35']);
      expect(slow.openrouter.maxInFlight).toBe(2);
    } finally {
      await slow.close();
    }
  });
});
