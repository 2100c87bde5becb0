import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePng, startHttpServer, type RunningHttpServer } from '@flow/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, failWorkflow, imageWorkflow, pngBase64, secretWorkflow, upperWorkflow, waitWorkflow } from '../test-support/server-fixtures.js';

const run = (app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}, url = '/workflows/run') => app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('POST /workflows/run', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer();
  });
  afterAll(() => app.close());

  it('runs an inline definition and answers the reference body', async () => {
    const response = await run(app, { specification: upperWorkflow, inputs: { text: 'hello' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ outputs: [{ result: 'HELLO' }], profiler_trace: [] });
  });

  it('answers the legacy alias /infer/workflows the same way', async () => {
    const response = await run(app, { specification: upperWorkflow, inputs: { text: 'legacy' } }, {}, '/infer/workflows');
    expect(response.json()).toEqual({ outputs: [{ result: 'LEGACY' }], profiler_trace: [] });
  });

  it('takes images as {type: base64}, data URLs and bare base64, one result per batch element', async () => {
    const other = makePng(10, 2).toString('base64');
    const response = await run(app, {
      specification: imageWorkflow,
      inputs: { image: [{ type: 'base64', value: pngBase64 }, `data:image/png;base64,${other}`, pngBase64], label: 'cat' },
    });
    expect(response.statusCode).toBe(200);
    const { outputs } = response.json();
    expect(outputs.map((record: { width: number; height: number }) => [record.width, record.height])).toEqual([[8, 6], [10, 2], [8, 6]]);
    expect(outputs[1].predictions.predictions[0]).toMatchObject({ class: 'cat', parent_id: 'image.[1]', x: 2.5, width: 5 });
  });

  it('writes float-kinded numbers as the reference does: box as 4.0, ids and sizes as ints', async () => {
    const response = await run(app, { specification: imageWorkflow, inputs: { image: pngBase64, label: 'cat' } });
    expect(response.statusCode).toBe(200);
    const text = response.body;
    expect(text).toContain('"width":8,"height":6,');
    expect(text).toContain('"predictions":{"image":{"width":8,"height":6},"predictions":[{"width":4.0,"height":6.0,"x":2.0,"y":3.0,"confidence":0.5,"class_id":0,"class":"cat",');
    expect(response.json().outputs[0].predictions.predictions[0].width).toBe(4);
  });

  it('drops excluded_fields from every result', async () => {
    const response = await run(app, { specification: imageWorkflow, inputs: { image: pngBase64 }, excluded_fields: ['predictions', 'height'] });
    expect(response.json().outputs).toEqual([{ width: 8 }]);
  });

  it('echoes a sane X-Request-ID and generates one otherwise', async () => {
    const echoed = await run(app, { specification: upperWorkflow, inputs: { text: 'a' } }, { 'x-request-id': 'trace-42' });
    expect(echoed.headers['x-request-id']).toBe('trace-42');
    const generated = await run(app, { specification: upperWorkflow, inputs: { text: 'a' } }, { 'x-request-id': 'bad id with spaces\u0000' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.headers['x-processing-time']).toMatch(/^\d+\.\d{4}$/);
  });

  it('names workflow_id in X-Workflow-Id', async () => {
    const response = await run(app, { specification: upperWorkflow, inputs: { text: 'a' }, workflow_id: 'my-flow' });
    expect(response.headers['x-workflow-id']).toBe('my-flow');
  });

  describe('error bodies (reference §5.3)', () => {
    it('422 with FastAPI detail when inputs or specification is missing or mistyped', async () => {
      const missing = await run(app, { specification: upperWorkflow });
      expect(missing.statusCode).toBe(422);
      expect(missing.json()).toEqual({ detail: [{ type: 'missing', loc: ['body', 'inputs'], msg: 'Field required' }] });
      const mistyped = await run(app, { specification: 'nope', inputs: [], enable_profiling: 'yes' });
      expect(mistyped.statusCode).toBe(422);
      expect(mistyped.json().detail).toEqual(
        expect.arrayContaining([
          { type: 'dict_type', loc: ['body', 'inputs'], msg: 'Input should be a valid dictionary' },
          { type: 'dict_type', loc: ['body', 'specification'], msg: 'Input should be a valid dictionary' },
          { type: 'bool_type', loc: ['body', 'enable_profiling'], msg: 'Input should be a valid boolean' },
        ]),
      );
    });

    it('422 json_invalid for a body that is not JSON, whatever the content type', async () => {
      const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: '{"specification": ', headers: { 'content-type': 'application/json' } });
      expect(response.statusCode).toBe(422);
      expect(response.json().detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body'] });
      const form = await app.inject({ method: 'POST', url: '/workflows/run', payload: 'a=1&b=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form.statusCode).toBe(422);
    });

    it('accepts JSON sent without a JSON content type (curl -d)', async () => {
      const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: JSON.stringify({ specification: upperWorkflow, inputs: { text: 'x' } }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(response.json().outputs).toEqual([{ result: 'X' }]);
    });

    it('400 extended body for a definition that does not compile', async () => {
      const broken = { ...upperWorkflow, steps: [{ type: 'test/upper@v1', name: 'upper', text: '$steps.missing.text' }] };
      const response = await run(app, { specification: broken, inputs: { text: 'a' } });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ error_type: 'InvalidReferenceTargetError', context: 'workflow_compilation | execution_graph_construction', inner_error_type: 'None', python_blocks_output_streams: null });
      expect(body.blocks_errors[0]).toMatchObject({ block_id: 'upper', property_name: 'text' });
    });

    it('400 plain body for an unusable runtime input', async () => {
      const response = await run(app, { specification: imageWorkflow, inputs: { image: { type: 'base64', value: '***not base64***' } } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error_type: 'RuntimeInputError', message: expect.stringContaining('`image`') });
      expect(response.json()).not.toHaveProperty('blocks_errors');
    });

    it('400 DynamicBlockError saying that code never arrives in a request', async () => {
      const response = await run(app, { specification: { ...upperWorkflow, dynamic_blocks_definitions: [{ manifest: {}, code: { run_function_code: 'import os' } }] }, inputs: { text: 'a' } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error_type: 'DynamicBlockError', message: expect.stringContaining('code never arrives in a request') });
    });

    it('500 for a failing step, naming step and block, without a stack trace and with keys masked', async () => {
      const response = await run(app, { specification: failWorkflow, inputs: { value: 1 } });
      expect(response.statusCode).toBe(500);
      const body = response.json();
      expect(body).toMatchObject({ error_type: 'StepExecutionError', context: 'workflow_execution | step_execution' });
      expect(body.message).toContain('`explode` (test/fail@v1)');
      expect(body.blocks_errors).toEqual([expect.objectContaining({ block_id: 'explode', block_type: 'test/fail@v1', block_traceback: null })]);
      expect(response.body).toContain('api_key=ab***kl');
      expect(response.body).not.toContain('abcdefghijkl');
      expect(response.body).not.toMatch(/\n\s+at /);
    });

    it('404 {"detail": "Not Found"} for unknown routes', async () => {
      const response = await app.inject({ method: 'GET', url: '/nope' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ detail: 'Not Found' });
    });
  });

  describe('secrets', () => {
    it('masks secret-kind outputs and hides secret inputs and API keys in error bodies', async () => {
      const ok = await run(app, { specification: secretWorkflow(), inputs: { openai_key: 'sk-test-0123456789' } });
      expect(ok.json().outputs).toEqual([{ key: 'sk********89', length: 18 }]);
      const failed = await run(app, { specification: secretWorkflow({ fail: true }), inputs: { openai_key: 'sk-test-0123456789' } });
      expect(failed.statusCode).toBe(500);
      expect(failed.body).toContain('sk********89');
      expect(failed.body).not.toContain('sk-test-0123456789');
    });

    it('takes the API key from Authorization: Bearer over the body and never echoes it', async () => {
      const workflow = { ...secretWorkflow({ fail: true }), steps: [{ type: 'servertest/use_secret@v1', name: 'model', key: 'rf-header-key-123456', fail: true }] };
      const response = await run(app, { specification: workflow, inputs: { openai_key: 'x' }, api_key: 'rf-body-key-999999' }, { authorization: 'Bearer rf-header-key-123456' });
      expect(response.body).not.toContain('rf-header-key-123456');
      expect(response.body).toContain('rf********56');
    });
  });
});

describe('limits', () => {
  it('413 when the body is larger than FLOW_BODY_LIMIT_BYTES', async () => {
    const app = await createTestServer({ bodyLimitBytes: 2048 });
    const response = await run(app, { specification: upperWorkflow, inputs: { text: 'x'.repeat(4096) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toContain('FLOW_BODY_LIMIT_BYTES');
    await app.close();
  });

  it('413 when a request carries more images than allowed, before decoding any', async () => {
    const app = await createTestServer({ maxImagesPerRequest: 2 });
    const response = await run(app, { specification: imageWorkflow, inputs: { image: [pngBase64, pngBase64, 'not even an image'] } });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toBe('The request carries 3 images; this server accepts at most 2 per request (FLOW_MAX_IMAGES_PER_REQUEST).');
    await app.close();
  });

  it('504 when a run passes the request timeout, even if its block ignores the abort signal', async () => {
    const app = await createTestServer({ requestTimeoutMs: 150 });
    for (const block of ['wait', 'stubborn_wait'] as const) {
      const started = Date.now();
      const response = await run(app, { specification: waitWorkflow(3000, block), inputs: { value: 1 } });
      expect(response.statusCode).toBe(504);
      expect(response.json().message).toContain('did not finish within 150 ms');
      expect(Date.now() - started).toBeLessThan(2500);
    }
    await app.close();
  });

  it('503 with Retry-After when every run slot and queue place is taken, never a hang', async () => {
    const app = await createTestServer({ maxConcurrentRuns: 1, maxQueuedRuns: 1 });
    const slow = { specification: waitWorkflow(300), inputs: { value: 'slow' } };
    const [first, second, third] = await Promise.all([run(app, slow), run(app, slow), run(app, slow)]);
    const statuses = [first, second, third].map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 200, 503]);
    const refused = [first, second, third].find((response) => response.statusCode === 503)!;
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json().message).toContain('retry shortly');
    await app.close();
  });
});

describe('profiling', () => {
  it('returns a Chrome trace only when the server enables it and the request asks', async () => {
    const enabled = await createTestServer({ enableProfiling: true });
    const traced = await run(enabled, { specification: waitWorkflow(5), inputs: { value: 1 }, enable_profiling: true });
    const trace = traced.json().profiler_trace as Array<Record<string, unknown>>;
    expect(trace[0]).toMatchObject({ name: 'workflow_run', ph: 'X', pid: process.pid });
    expect(trace).toContainEqual(expect.objectContaining({ name: 'workflow_compilation', ph: 'X', args: { cached: false } }));
    const step = trace.find((event) => event.name === 'step_execution')!;
    expect(step).toMatchObject({ ph: 'X', args: { step_selector: '$steps.wait', block_type: 'test/wait@v1', ok: true } });
    expect(step.dur).toBeGreaterThanOrEqual(4000);
    expect(Number.isInteger(step.ts)).toBe(true);
    const notAsked = await run(enabled, { specification: waitWorkflow(5), inputs: { value: 1 } });
    expect(notAsked.json().profiler_trace).toEqual([]);
    await enabled.close();

    const disabled = await createTestServer();
    const ignored = await run(disabled, { specification: waitWorkflow(5), inputs: { value: 1 }, enable_profiling: true });
    expect(ignored.json().profiler_trace).toEqual([]);
    await disabled.close();
  });
});

describe('URL images', () => {
  let images: RunningHttpServer;
  beforeAll(async () => {
    const png = makePng(5, 7);
    images = await startHttpServer((_request, response) => void response.writeHead(200, { 'content-type': 'image/png' }).end(png));
  });
  afterAll(() => images.close());

  it('refuses loopback URLs by default with a 400 that says why', async () => {
    const app = await createTestServer({ urlImages: { allowHttp: true } });
    const response = await run(app, { specification: imageWorkflow, inputs: { image: { type: 'url', value: `${images.url}/a.png` } } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error_type: 'RuntimeInputError', message: expect.stringContaining('it points to a loopback, private or reserved address (FLOW_ALLOW_PRIVATE_URLS)') });
    await app.close();
  });

  it('fetches them when private addresses (and, for this test, http) are allowed', async () => {
    const app = await createTestServer({ urlImages: { allowHttp: true, allowPrivateAddresses: true } });
    const response = await run(app, { specification: imageWorkflow, inputs: { image: `${images.url}/a.png` } });
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs[0]).toMatchObject({ width: 5, height: 7 });
    await app.close();
  });

  it('says so when URL inputs are switched off', async () => {
    const app = await createTestServer({ urlImages: { enabled: false } });
    const response = await run(app, { specification: imageWorkflow, inputs: { image: 'https://example.com/a.png' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('URL images are not enabled');
    await app.close();
  });
});

describe('saved workflows', () => {
  let directory: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'flow-saved-'));
    await mkdir(join(directory, 'acme'));
    await writeFile(join(directory, 'acme', 'shout.json'), JSON.stringify(upperWorkflow));
    await writeFile(join(directory, 'wrapped.json'), JSON.stringify({ specification: upperWorkflow }));
    await writeFile(join(directory, 'acme', 'broken.json'), '{ nope');
    app = await createTestServer({ workflowsDir: directory });
  });
  afterAll(async () => {
    await app.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('runs a definition stored as <workspace>/<id>.json, or <id>.json for any workspace', async () => {
    const response = await run(app, { inputs: { text: 'saved' } }, {}, '/acme/workflows/shout');
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs).toEqual([{ result: 'SAVED' }]);
    expect(response.headers['x-workflow-id']).toBe('shout');
    const wrapped = await run(app, { inputs: { text: 'wrapped' } }, {}, '/any-team/workflows/wrapped');
    expect(wrapped.json().outputs).toEqual([{ result: 'WRAPPED' }]);
    const legacy = await run(app, { inputs: { text: 'old' }, api_key: 'k' }, {}, '/infer/workflows/acme/shout');
    expect(legacy.json().outputs).toEqual([{ result: 'OLD' }]);
  });

  it('404 for unknown names and for names that try to leave the folder', async () => {
    const missing = await run(app, { inputs: {} }, {}, '/acme/workflows/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ message: 'Workflow `nope` not found in workspace `acme`.' });
    const escape = await run(app, { inputs: {} }, {}, '/acme/workflows/..%2F..%2Fetc%2Fpasswd');
    expect(escape.statusCode).toBe(404);
  });

  it('500 naming the file when a saved definition is not JSON, and 404 when the feature is off', async () => {
    const broken = await run(app, { inputs: {} }, {}, '/acme/workflows/broken');
    expect(broken.statusCode).toBe(500);
    expect(broken.json().message).toContain('`acme/broken` is not valid JSON');
    const off = await createTestServer();
    const response = await run(off, { inputs: {} }, {}, '/acme/workflows/shout');
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('FLOW_WORKFLOWS_DIR');
    await off.close();
  });
});
