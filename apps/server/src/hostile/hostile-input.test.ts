import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePng, startHttpServer, type RunningHttpServer } from '@flow/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../start-server.js';
import { createTestServer, pngBase64, upperWorkflow, waitWorkflow } from '../test-support/server-fixtures.js';
import { serverTestPack } from '../test-support/test-blocks.js';
import { expectAlive, expectBounded, longestBlockMs, MAX_BLOCKED_MS, MAX_CPU_MS } from './event-loop-watch.js';

// Each request here was found to freeze, kill or leak from the server (issue 12). Each test sends it,
// checks the answer, that the event loop was never blocked much longer than a normal request blocks it,
// and that the server still answers /healthz.

const run = (app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/workflows/run', payload: payload as object, headers });

/** Sends the request twice and measures the second: a running server has its code compiled already. */
async function sendHostile(app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}) {
  await run(app, payload, headers);
  const measure = await longestBlockMs(() => run(app, payload, headers));
  expectBounded(measure);
  await expectAlive(app);
  return measure.result;
}

const upper = (name: string, text: string) => ({ type: 'test/upper@v1', name, text });

describe('hostile definitions', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // No compiled-workflow cache: every request here pays for compiling, as a new definition would.
    app = await createTestServer({ maxSteps: 10_000, compiledCacheSize: 0 });
  });
  afterAll(() => app.close());

  it('thousands of dangling references: a small error body, capped hints, the count of the rest', async () => {
    const count = 1_000;
    const specification = {
      version: '1.0',
      inputs: [],
      steps: Array.from({ length: count }, (_, index) => upper(`step_${index}`, `$steps.missing_${index}.text`)),
      outputs: Array.from({ length: count }, (_, index) => ({ type: 'JsonField', name: `out_${index}`, selector: '$inputs.zz' })),
    };
    const response = await sendHostile(app, { specification, inputs: {} });
    expect(response.statusCode).toBe(400);
    expect(response.body.length).toBeLessThan(100_000);
    const body = response.json();
    expect(body.message).toContain(`(and ${2 * count - 1} more problems)`);
    expect(body.blocks_errors).toHaveLength(100);
    expect(body.blocks_errors[0].property_details).toMatch(/\(and \d+ more\)\.$/);
  });

  it('a long dependency chain written in reverse order compiles in linear time', async () => {
    const count = 10_000;
    const steps = Array.from({ length: count }, (_, index) => {
      const position = count - 1 - index;
      return upper(`s${position}`, position === 0 ? '$inputs.text' : `$steps.s${position - 1}.text`);
    });
    const specification = { version: '1.0', inputs: [{ type: 'WorkflowParameter', name: 'text' }], steps, outputs: [{ type: 'JsonField', name: 'last', selector: `$steps.s${count - 1}.text` }] };
    await run(app, { specification, inputs: { text: 'a' } });
    const measure = await longestBlockMs(() => run(app, { specification, inputs: { text: 'a' } }));
    expect(measure.result.statusCode).toBe(200);
    expect(measure.result.json().outputs).toEqual([{ last: 'A' }]);
    // Compiling and running 10,000 steps is real work; the old ordering alone took over a second.
    expectBounded(measure, 6 * MAX_CPU_MS, 3 * MAX_BLOCKED_MS);
    await expectAlive(app);
  });

  it.each([
    ['$steps.s0.toString', 'toString'],
    ['$steps.s0.constructor', 'constructor'],
    ['$steps.s0.__proto__', '__proto__'],
  ])('a selector naming a built-in property (%s) is a 400 naming it', async (selector, name) => {
    const specification = { version: '1.0', inputs: [], steps: [upper('s0', 'a')], outputs: [{ type: 'JsonField', name: 'out', selector }] };
    const response = await sendHostile(app, { specification, inputs: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error_type: 'InvalidReferenceTargetError', message: expect.stringContaining(selector) });
    expect(response.body).toContain(name);
  });

  it.each(['constructor', 'toString', 'valueOf'])('an image input named `%s` that is not given is a 400 naming it', async (name) => {
    const specification = { version: '1.0', inputs: [{ type: 'WorkflowImage', name }], steps: [{ type: 'test/image_size@v1', name: 'size', image: `$inputs.${name}` }], outputs: [{ type: 'JsonField', name: 'width', selector: '$steps.size.width' }] };
    const response = await sendHostile(app, { specification, inputs: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error_type: 'RuntimeInputError', message: expect.stringContaining(`\`${name}\``) });
  });

  it('an input named `constructor` is an ordinary input: missing is a 400, given is used', async () => {
    const specification = { version: '1.0', inputs: [{ type: 'WorkflowBatchInput', name: 'constructor', kind: ['string'] }], steps: [upper('s0', '$inputs.constructor')], outputs: [{ type: 'JsonField', name: 'out', selector: '$steps.s0.text' }] };
    const missing = await sendHostile(app, { specification, inputs: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error_type: 'RuntimeInputError', message: expect.stringContaining('`constructor`') });
    const given = await sendHostile(app, { specification, inputs: { constructor: 'x' } });
    expect(given.json().outputs).toEqual([{ out: 'X' }]);
  });
});

describe('configured limits', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer({ maxSteps: 50, maxBatchSize: 20, maxResponseBytes: 200_000 });
  });
  afterAll(() => app.close());

  const batchWorkflow = {
    version: '1.0',
    inputs: [{ type: 'WorkflowBatchInput', name: 'texts', kind: ['string'] }, { type: 'WorkflowImage', name: 'image' }],
    steps: [upper('upper', '$inputs.texts')],
    outputs: [
      { type: 'JsonField', name: 'text', selector: '$steps.upper.text' },
      { type: 'JsonField', name: 'image', selector: '$inputs.image' },
    ],
  };

  it('more steps than FLOW_MAX_STEPS: 413 naming the limit, before compiling', async () => {
    const specification = { ...upperWorkflow, steps: Array.from({ length: 51 }, (_, index) => upper(`s${index}`, 'a')) };
    const response = await sendHostile(app, { specification, inputs: { text: 'a' } });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toBe('The definition has 51 steps; this server accepts at most 50 (FLOW_MAX_STEPS).');
  });

  it('a batch larger than FLOW_MAX_BATCH_SIZE: 413 naming the input and the limit', async () => {
    const response = await sendHostile(app, { specification: batchWorkflow, inputs: { texts: Array.from({ length: 21 }, () => 'a'), image: pngBase64 } });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toBe('Input `texts` has 21 batch elements; this server accepts at most 20 (FLOW_MAX_BATCH_SIZE).');
  });

  it('a broadcast image echoed for every element: 413 naming FLOW_MAX_RESPONSE_BYTES instead of a huge body', async () => {
    // A 20 KB image (bytes after IEND pad it): echoed for 20 elements it passes the 200 KB answer limit.
    const image = Buffer.concat([makePng(8, 6), Buffer.alloc(20_000, 7)]).toString('base64');
    const texts = Array.from({ length: 20 }, () => 'a');
    const small = await sendHostile(app, { specification: batchWorkflow, inputs: { texts: texts.slice(0, 1), image } });
    expect(small.statusCode).toBe(200);
    const response = await sendHostile(app, { specification: batchWorkflow, inputs: { texts, image } });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toContain('larger than 200000 bytes (FLOW_MAX_RESPONSE_BYTES)');
    // The same request without the echoed image fits.
    const excluded = await sendHostile(app, { specification: batchWorkflow, inputs: { texts, image }, excluded_fields: ['image'] });
    expect(excluded.statusCode).toBe(200);
    expect(excluded.json().outputs).toHaveLength(20);
  });

  it('excluded_fields of 20,000 names against a batch costs only the names the workflow outputs', async () => {
    const app = await createTestServer({ maxBatchSize: 1_000 });
    const fields = Array.from({ length: 20_000 }, (_, index) => `field_${index}`);
    fields.push('image');
    const response = await sendHostile(app, { specification: batchWorkflow, inputs: { texts: Array.from({ length: 1_000 }, () => 'b'), image: pngBase64 }, excluded_fields: fields });
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs[0]).toEqual({ text: 'B' });
    await app.close();
  });

  it('the request timeout covers compiling and serialising, not only the run', async () => {
    const slow = await createTestServer({ requestTimeoutMs: 5, maxSteps: 5_000 });
    const steps = Array.from({ length: 3_000 }, (_, index) => upper(`s${index}`, index === 0 ? 'a' : `$steps.s${index - 1}.text`));
    const response = await run(slow, { specification: { version: '1.0', inputs: [], steps, outputs: [{ type: 'JsonField', name: 'out', selector: '$steps.s2999.text' }] }, inputs: {} });
    // Compiling 3,000 steps takes longer than 5 ms; the run itself would finish before a timer could fire.
    expect(response.statusCode).toBe(504);
    expect(response.json().message).toContain('FLOW_REQUEST_TIMEOUT_MS');
    await slow.close();
  });
});

describe('hostile VLM answers', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestServer({}, { packs: [serverTestPack, (await import('@flow/blocks-formatters')).formattersPack] });
  });
  afterAll(() => app.close());

  const detector = (modelType: string) => ({
    version: '1.0',
    inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'answer' }],
    steps: [{ type: 'roboflow_core/vlm_as_detector@v2', name: 'parser', image: '$inputs.image', vlm_output: '$inputs.answer', classes: ['cat'], model_type: modelType, task_type: 'object-detection' }],
    outputs: [{ type: 'JsonField', name: 'error_status', selector: '$steps.parser.error_status' }, { type: 'JsonField', name: 'predictions', selector: '$steps.parser.predictions' }],
  });

  it('a Muse answer of nested objects that never close is scanned in linear time', async () => {
    const answer = `${`${'{"a":'.repeat(500)}x`.repeat(8)} {"x_min": 1, "y_min": 2, "x_max": 3, "y_max": 4, "label": "cat"}`;
    const response = await sendHostile(app, { specification: detector('muse'), inputs: { image: pngBase64, answer } });
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs[0].error_status).toBe(false);
    expect(response.json().outputs[0].predictions.predictions).toHaveLength(1);
  });

  it('an answer of unclosed ```json fences is searched in linear time', async () => {
    const answer = '```json '.repeat(15_000);
    const response = await sendHostile(app, { specification: detector('google-gemini'), inputs: { image: pngBase64, answer } });
    expect(response.json().outputs[0]).toEqual({ error_status: true, predictions: null });
  });

  it('an answer over the formatter budget gives error_status, as an unreadable answer does', async () => {
    const answer = `[${'1,'.repeat(600_000)}1]`;
    const response = await sendHostile(app, { specification: detector('google-gemini'), inputs: { image: pngBase64, answer } });
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs[0]).toEqual({ error_status: true, predictions: null });
  });
});

describe('URL images', () => {
  let images: RunningHttpServer;
  let slowClosed = 0;
  let slowBytes = 0;
  const png = makePng(5, 7);
  beforeAll(async () => {
    images = await startHttpServer((request, response) => {
      if (request.url === '/missing.png') return void response.writeHead(404).end();
      if (request.url === '/half-mb.png') return void response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([png, Buffer.alloc(512 * 1024)]));
      if (request.url === '/endless.png') {
        // Streams 16 KB every 5 ms until the client goes away.
        response.writeHead(200, { 'content-type': 'image/png' });
        const timer = setInterval(() => {
          slowBytes += 16_384;
          response.write(Buffer.alloc(16_384));
        }, 5);
        response.on('close', () => {
          clearInterval(timer);
          slowClosed++;
        });
        return;
      }
      response.writeHead(200, { 'content-type': 'image/png' }).end(png);
    });
  });
  afterAll(() => images.close());

  const twoImages = {
    version: '1.0',
    inputs: [{ type: 'WorkflowImage', name: 'first' }, { type: 'WorkflowImage', name: 'second' }],
    steps: [{ type: 'test/image_size@v1', name: 'a', image: '$inputs.first' }, { type: 'test/image_size@v1', name: 'b', image: '$inputs.second' }],
    outputs: [{ type: 'JsonField', name: 'a', selector: '$steps.a.width' }, { type: 'JsonField', name: 'b', selector: '$steps.b.width' }],
  };

  it('when one image fails, the others stop downloading before the run slot frees', async () => {
    const app = await createTestServer({ urlImages: { allowHttp: true, allowPrivateAddresses: true } });
    const before = slowClosed;
    const response = await run(app, { specification: twoImages, inputs: { first: { type: 'url', value: `${images.url}/endless.png` }, second: { type: 'url', value: `${images.url}/missing.png` } } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('HTTP 404');
    const started = Date.now();
    while (app.flow.runSlots.inFlight > 0 && Date.now() - started < 3_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(app.flow.runSlots.inFlight).toBe(0);
    expect(app.flow.fetchBudget.bytesInFlight).toBe(0);
    // The endless download was cut off (the image server sees its client go, a moment later) and stays so.
    while (slowClosed === before && Date.now() - started < 3_000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(slowClosed).toBe(before + 1);
    const bytesAfterClose = slowBytes;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slowBytes).toBe(bytesAfterClose);
    await expectAlive(app);
    await app.close();
  });

  it('caps the bytes all images of one request pull together', async () => {
    const app = await createTestServer({ urlImages: { allowHttp: true, allowPrivateAddresses: true, maxBytesPerRequest: 700 * 1024 } });
    const url = { type: 'url', value: `${images.url}/half-mb.png` };
    const response = await run(app, { specification: twoImages, inputs: { first: url, second: url } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('FLOW_URL_MAX_BYTES_PER_REQUEST');
    await app.close();
  });

  it('caps the bytes all requests in progress hold (an endless image stops at the process limit)', async () => {
    const app = await createTestServer({ urlImages: { allowHttp: true, allowPrivateAddresses: true, maxBytes: 64 * 1024 * 1024, maxBytesInFlight: 256 * 1024 } });
    const response = await run(app, { specification: twoImages, inputs: { first: { type: 'url', value: `${images.url}/endless.png` }, second: { type: 'url', value: `${images.url}/a.png` } } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('FLOW_URL_MAX_BYTES_IN_FLIGHT');
    expect(slowBytes).toBeLessThan(64 * 1024 * 1024);
    await app.close();
  });

  it.each(['[::ffff:0:127.0.0.1]', '[::127.0.0.1]'])('refuses the loopback form %s without saying what it resolved to', async (host) => {
    const app = await createTestServer({ urlImages: { allowHttp: true } });
    const response = await run(app, { specification: twoImages, inputs: { first: `http://${host}:1/a.png`, second: pngBase64 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('is not allowed: it points to a loopback, private or reserved address');
    await app.close();
  });

  it('a refused connection does not tell which port refused', async () => {
    const app = await createTestServer({ urlImages: { allowHttp: true, allowPrivateAddresses: true } });
    const response = await run(app, { specification: twoImages, inputs: { first: 'http://127.0.0.1:1/a.png', second: pngBase64 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('could not be reached');
    expect(response.body).not.toContain('ECONNREFUSED');
    await app.close();
  });

  it('masks the password of an image URL in the error body', async () => {
    const app = await createTestServer({ urlImages: { allowHttp: true } });
    const response = await run(app, { specification: twoImages, inputs: { first: 'http://user:hunter2secret@127.0.0.1/a.png', second: pngBase64 } });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('hunter2secret');
    expect(response.json().message).toContain('http://user:***@127.0.0.1/a.png');
    await app.close();
  });
});

describe('secrets and small things', () => {
  it('masks the body api_key when a Bearer header is sent too', async () => {
    const app = await createTestServer();
    const response = await run(app, { specification: { ...upperWorkflow, version: 'sk-body-key-1234567' }, inputs: { text: 'a' }, api_key: 'sk-body-key-1234567' }, { authorization: 'Bearer header-key-7654321' });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('sk-body-key-1234567');
    expect(response.body).toContain('sk********67');
    await app.close();
  });

  it('masks a percent-encoded api%5Fkey in the logs', async () => {
    const lines: string[] = [];
    const app = await createTestServer({}, { logDestination: { write: (line) => void lines.push(line) } });
    await app.inject({ method: 'POST', url: '/workflows/run?api%5Fkey=logged-secret-value', payload: { specification: upperWorkflow, inputs: { text: 'a' } } });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('logged-secret-value');
    expect(lines.join('\n')).toContain('api%5Fkey=lo***ue');
    await app.close();
  });

  it('an empty Content-Type header is read as JSON, like a missing one', async () => {
    const app = await createTestServer();
    const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: JSON.stringify({ specification: upperWorkflow, inputs: { text: 'a' } }), headers: { 'content-type': '' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs).toEqual([{ result: 'A' }]);
    await app.close();
  });

  it('414 and malformed URLs answer with our {"message"} body', async () => {
    const app = await createTestServer();
    const long = await app.inject({ method: 'POST', url: `/w/workflows/${'a'.repeat(200)}`, payload: {} });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ message: 'A path segment of the URL is too long.' });
    const bad = await app.inject({ method: 'GET', url: '/%zz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ message: 'The URL is not valid (a malformed percent-encoding?).' });
    await app.close();
  });

  it('a saved-workflows entry that is a folder is "not found", not a 500', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'flow-saved-'));
    await mkdir(join(directory, 'ws', 'flow.json'), { recursive: true });
    const app = await createTestServer({ workflowsDir: directory });
    const response = await app.inject({ method: 'POST', url: '/ws/workflows/flow', payload: { inputs: {} } });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('not found');
    await app.close();
    await rm(directory, { recursive: true });
  });

  it('/readyz answers 503 during a drain instead of refusing connections', async () => {
    const running = await startServer({ port: 0, env: { FLOW_METRICS_DEFAULT: 'false', LOG_LEVEL: 'silent' }, packs: [serverTestPack], signals: false });
    const inFlight = fetch(`${running.url}/workflows/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ specification: waitWorkflow(400), inputs: { value: 'done' } }) });
    const started = Date.now();
    while (running.app.flow.runSlots.inFlight === 0 && Date.now() - started < 3_000) await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = running.close();
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting_down' });
    expect((await inFlight).status).toBe(200);
    await closing;
  });
});
