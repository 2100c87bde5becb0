import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestServer, imageWorkflow, pngBase64, upperWorkflow } from './test-support/server-fixtures.js';

// Deterministic pseudo-random source (mulberry32); FUZZ_SEED=<n> explores other cases, a failure replays with its seed.
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const rng = random(Number(process.env.FUZZ_SEED ?? 20261121));
const hugeString = 'x'.repeat(300_000);
const nest = (depth: number, leaf: unknown = 1): unknown => (depth === 0 ? leaf : rng.next() < 0.5 ? [nest(depth - 1, leaf)] : { a: nest(depth - 1, leaf) });
const oddValues: unknown[] = [null, true, false, 0, -1, 1e308, 3.5, '', ' ', '$', '$inputs', '$steps.', '$steps.upper', '$steps.upper.', '$inputs.nope', '$$inputs.text', '\u0000', '💥', hugeString.slice(0, 5000), [], [[]], {}, { type: 1 }, [null], { __proto__: { polluted: true } }, nest(20)];
const badSelectors = ['$steps', '$steps..text', '$steps.upper.text.more', '$inputs.', '$inputs.text.sub', '$outputs.x', '$steps.*', 'steps.upper.text', '$steps.upper.*.x', `$inputs.${'a'.repeat(10_000)}`];
const badImages: unknown[] = [
  { type: 'base64', value: '!!!' },
  { type: 'base64', value: 'aGVsbG8gd29ybGQ=' },
  { type: 'base64', value: '' },
  { type: 'base64' },
  { type: 'url', value: 'file:///etc/passwd' },
  { type: 'url', value: 'http://169.254.169.254/latest/meta-data' },
  { type: 'url', value: 'https://localhost:1/x.png' },
  { type: 'file', value: '/etc/passwd' },
  { type: 'numpy', value: 'x' },
  { type: 'base64', value: pngBase64.slice(0, 20) },
  { type: 'base64', value: pngBase64, parent_origin: { offset_x: 'a' } },
  'data:image/png,notbase64',
  'data:text/plain;base64,aGVsbG8=',
  12,
  [[pngBase64]],
  [pngBase64, null],
  { value: { nested: true } },
  hugeString,
];

function mutateDefinition(): unknown {
  const base = structuredClone(rng.next() < 0.5 ? upperWorkflow : imageWorkflow) as Record<string, unknown>;
  switch (Math.floor(rng.next() * 12)) {
    case 0:
      delete base[rng.pick(['version', 'inputs', 'steps', 'outputs'])];
      return base;
    case 1:
      base[rng.pick(['version', 'inputs', 'steps', 'outputs'])] = rng.pick(oddValues);
      return base;
    case 2:
      (base.steps as unknown[]).push(rng.pick(oddValues));
      return base;
    case 3:
      (base.steps as Array<Record<string, unknown>>)[0]![rng.pick(['type', 'name', 'text', 'image'])] = rng.pick([...oddValues, ...badSelectors]);
      return base;
    case 4:
      (base.outputs as Array<Record<string, unknown>>)[0]!.selector = rng.pick([...badSelectors, ...oddValues]);
      return base;
    case 5:
      (base.inputs as Array<Record<string, unknown>>)[0]![rng.pick(['type', 'name', 'kind', 'dimensionality', 'default_value'])] = rng.pick(oddValues);
      return base;
    case 6:
      base.inputs = [...(base.inputs as unknown[]), ...(base.inputs as unknown[])];
      return base;
    case 7:
      base.steps = Array.from({ length: 50 }, (_, index) => ({ type: 'test/upper@v1', name: `s${index}`, text: `$steps.s${(index + 1) % 50}.text` }));
      return base;
    case 8:
      base.version = rng.pick(['0.1.0', '2.0', 'latest', '1.x', '', '99999999999999999999.0']);
      return base;
    case 9:
      base.dynamic_blocks_definitions = rng.pick([[{ manifest: {}, code: { run_function_code: 'import os' } }], {}, 'code']);
      return base;
    case 10:
      (base.steps as Array<Record<string, unknown>>)[0]!.type = rng.pick(['roboflow_core/unknown@v1', 'test/upper@v9', 'Upper', 'UPPER', hugeString.slice(0, 2000)]);
      return base;
    default:
      return nest(30 + Math.floor(rng.next() * 200));
  }
}

/** A run body and whether it might, by chance, be valid (a mutation can land on a legal value). */
function malformedRunBody(): [body: unknown, mayBeValid: boolean] {
  switch (Math.floor(rng.next() * 8)) {
    case 0:
      return [rng.pick(oddValues), false];
    case 1:
      return [{ specification: mutateDefinition(), inputs: { text: 'a', image: pngBase64 } }, true];
    case 2:
      return [{ specification: imageWorkflow, inputs: { image: rng.pick(badImages) } }, false];
    case 3:
      return [{ specification: upperWorkflow, inputs: { text: rng.pick(oddValues) } }, true];
    case 4:
      return [{ specification: upperWorkflow, inputs: rng.pick(oddValues), excluded_fields: rng.pick(oddValues) }, true];
    case 5:
      return [{ specification: upperWorkflow, inputs: { text: nest(80) } }, false];
    case 6:
      return [{ specification: upperWorkflow, inputs: { text: 'a' }, [rng.pick(['enable_profiling', 'api_key', 'workflow_id', 'debug'])]: rng.pick([hugeString, 12, [], {}]) }, true];
    default:
      return [{ specification: rng.pick(oddValues), inputs: {} }, false];
  }
}

const rawBodies = ['', '{', '{"specification": {', '[1,2', 'null', '"text"', '42', '{"__proto__": {"x": 1}, "inputs": {}}', '{"constructor": {"prototype": {"x": 1}}}', '\uFEFF{}', '{"inputs": {}, "specification": {}}garbage', '\u0000\u0001\u0002'];

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestServer({ bodyLimitBytes: 1024 * 1024, urlImages: { timeoutMs: 300 } });
});
afterAll(() => app.close());

it('answers hundreds of malformed bodies and definitions with a clear 4xx, never a 5xx, and stays up', async () => {
  const cases: Array<{ url: string; payload: string; contentType?: string; mayBeValid?: boolean }> = [];
  for (let index = 0; index < 300; index++) {
    const [body, mayBeValid] = malformedRunBody();
    cases.push({ url: rng.pick(['/workflows/run', '/infer/workflows']), payload: JSON.stringify(body) ?? 'null', mayBeValid });
  }
  for (let index = 0; index < 80; index++) cases.push({ url: '/workflows/validate', payload: JSON.stringify(mutateDefinition()), mayBeValid: true });
  for (let index = 0; index < 40; index++) {
    const odd = rng.next() < 0.3;
    cases.push({ url: '/workflows/describe_interface', payload: JSON.stringify(odd ? rng.pick(oddValues) : { specification: mutateDefinition() }) ?? 'null', mayBeValid: !odd });
  }
  for (let index = 0; index < 40; index++) {
    const manifest = { type: rng.pick(['test/upper@v1', 'test/image_size@v1', 'nope', 1]), name: 'x', [rng.pick(['text', 'image', 'milliseconds'])]: rng.pick([...oddValues, ...badSelectors]) };
    cases.push({ url: '/workflows/blocks/dynamic_outputs', payload: JSON.stringify(rng.next() < 0.2 ? rng.pick(oddValues) : manifest) ?? 'null', mayBeValid: true });
  }
  for (let index = 0; index < 20; index++) {
    cases.push({ url: '/workflows/blocks/describe', payload: JSON.stringify({ dynamic_blocks_definitions: rng.pick(oddValues), execution_engine_version: rng.pick(oddValues) }), mayBeValid: true });
  }
  for (const url of ['/workflows/run', '/workflows/validate', '/workflows/describe_interface', '/workflows/blocks/dynamic_outputs', '/acme/workflows/x']) {
    for (const payload of rawBodies) cases.push({ url, payload, contentType: 'application/json' });
  }
  cases.push({ url: '/workflows/run', payload: JSON.stringify({ specification: upperWorkflow, inputs: { text: 'x'.repeat(2 * 1024 * 1024) } }) });

  const failures: string[] = [];
  let refused = 0;
  for (const { url, payload, contentType = 'application/json', mayBeValid = false } of cases) {
    const response = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
    if (response.statusCode < 300 && mayBeValid) continue;
    const body = response.body ? (JSON.parse(response.body) as { message?: unknown; detail?: unknown }) : {};
    const clear = (typeof body.message === 'string' && body.message.length > 0) || (Array.isArray(body.detail) && body.detail.length > 0) || typeof body.detail === 'string';
    if (response.statusCode >= 400 && response.statusCode < 500 && clear) refused++;
    else failures.push(`${response.statusCode} ${url} ${payload.slice(0, 160)} -> ${response.body.slice(0, 200)}`);
  }
  expect(failures).toEqual([]);
  expect(refused).toBeGreaterThan(350);
  expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  const ok = await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification: upperWorkflow, inputs: { text: 'still up' } } });
  expect(ok.json().outputs).toEqual([{ result: 'STILL UP' }]);
});
