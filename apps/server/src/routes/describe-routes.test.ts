import { gunzipSync } from 'node:zlib';
import { EXECUTION_ENGINE_VERSION } from '@flow/engine';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, imageWorkflow, secretWorkflow, upperWorkflow } from '../test-support/server-fixtures.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestServer();
});
afterAll(() => app.close());

const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('POST /workflows/validate', () => {
  it('answers {"status": "ok"} for a definition sent as the whole body', async () => {
    const response = await post('/workflows/validate', upperWorkflow);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers the compile error otherwise, and 422 for a body that is not an object', async () => {
    const unknownBlock = await post('/workflows/validate', { ...upperWorkflow, steps: [{ type: 'test/uper@v1', name: 'upper' }] });
    expect(unknownBlock.statusCode).toBe(400);
    expect(unknownBlock.json()).toMatchObject({ error_type: 'WorkflowSyntaxError', blocks_errors: [expect.objectContaining({ block_id: 'upper', property_details: expect.stringContaining('Did you mean "test/upper@v1"') })] });
    const duplicated = await post('/workflows/validate', { ...upperWorkflow, inputs: [...upperWorkflow.inputs, ...upperWorkflow.inputs] });
    expect(duplicated.json()).toMatchObject({ error_type: 'DuplicatedNameError', inner_error_type: null, inner_error_message: 'None' });
    const version = await post('/workflows/validate', { ...upperWorkflow, version: '2.0.0' });
    expect(version.json()).toMatchObject({ error_type: 'NotSupportedExecutionEngineError' });
    const notObject = await post('/workflows/validate', [1, 2]);
    expect(notObject.statusCode).toBe(422);
  });
});

describe('POST /workflows/describe_interface', () => {
  it('lists input and output kinds with typing hints and schemas', async () => {
    const response = await post('/workflows/describe_interface', { specification: imageWorkflow });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.inputs).toEqual({ image: ['image'], label: expect.arrayContaining(['string']) });
    expect(body.outputs).toEqual({ width: ['integer'], height: ['integer'], predictions: ['object_detection_prediction'] });
    expect(body.typing_hints).toMatchObject({ image: 'dict', integer: 'int' });
    expect(body.kinds_schemas).toHaveProperty('object_detection_prediction');
  });

  it('reports secret inputs as such', async () => {
    const body = (await post('/workflows/describe_interface', { specification: secretWorkflow() })).json();
    expect(body.inputs.openai_key).toContain('secret');
    expect(body.outputs.key).toEqual(['secret']);
  });

  it('422 without a specification', async () => {
    const response = await post('/workflows/describe_interface', { api_key: 'x' });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail[0]).toEqual({ type: 'missing', loc: ['body', 'specification'], msg: 'Field required' });
  });
});

describe('blocks describe', () => {
  it('GET and POST list every registered block with kinds and connections', async () => {
    for (const response of [await app.inject({ method: 'GET', url: '/workflows/blocks/describe?air_gapped=true' }), await post('/workflows/blocks/describe')]) {
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.blocks.map((block: { manifest_type_identifier: string }) => block.manifest_type_identifier)).toContain('test/upper@v1');
      expect(body.declared_kinds.map((kind: { name: string }) => kind.name)).toContain('secret');
      expect(body.kinds_connections).toHaveProperty('image');
    }
  });

  it('gzips when the client accepts it', async () => {
    const response = await app.inject({ method: 'GET', url: '/workflows/blocks/describe', headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toBe('Accept-Encoding');
    const body = JSON.parse(gunzipSync(response.rawPayload).toString('utf8'));
    expect(body.blocks.length).toBeGreaterThan(0);
    const plain = await app.inject({ method: 'GET', url: '/workflows/blocks/describe', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('lists no blocks for an engine version none supports, and refuses dynamic blocks', async () => {
    const old = await post('/workflows/blocks/describe', { execution_engine_version: '0.1.0' });
    expect(old.statusCode).toBe(200);
    expect(old.json().blocks).toEqual([]);
    const current = await post('/workflows/blocks/describe', { execution_engine_version: '1.4.0' });
    expect(current.json().blocks.length).toBeGreaterThan(0);
    const dynamic = await post('/workflows/blocks/describe', { dynamic_blocks_definitions: [{ manifest: {}, code: {} }] });
    expect(dynamic.statusCode).toBe(400);
    expect(dynamic.json()).toMatchObject({ error_type: 'DynamicBlockError' });
  });
});

describe('GET /workflows/definition/schema', () => {
  it('wraps the JSON Schema of a definition in {"schema": ...}, gzipped on request', async () => {
    const response = await app.inject({ method: 'GET', url: '/workflows/definition/schema', headers: { 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(gunzipSync(response.rawPayload).toString('utf8'));
    expect(body.schema).toMatchObject({ type: 'object' });
    expect(JSON.stringify(body.schema)).toContain('test/upper@v1');
  });
});

describe('POST /workflows/blocks/dynamic_outputs', () => {
  it('lists the outputs of one step manifest with full kinds', async () => {
    const response = await post('/workflows/blocks/dynamic_outputs', { type: 'test/image_size@v1', name: 's', image: '$inputs.image' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { name: 'width', kind: [expect.objectContaining({ name: 'integer', serialised_data_type: 'int' })] },
      { name: 'height', kind: [expect.objectContaining({ name: 'integer' })] },
      { name: 'description', kind: [expect.objectContaining({ name: 'string', serialised_data_type: 'str' })] },
    ]);
  });

  it('answers 400 WorkflowSyntaxError for an unknown type or a bad manifest, 422 without a type', async () => {
    const unknown = await post('/workflows/blocks/dynamic_outputs', { type: 'nope/nope@v1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error_type: 'WorkflowSyntaxError', blocks_errors: [expect.objectContaining({ property_name: 'type' })] });
    const bad = await post('/workflows/blocks/dynamic_outputs', { type: 'test/image_size@v1', image: 42 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().blocks_errors[0]).toMatchObject({ block_type: 'test/image_size@v1', property_name: 'image' });
    const untyped = await post('/workflows/blocks/dynamic_outputs', { name: 'x' });
    expect(untyped.statusCode).toBe(422);
  });
});

it('GET /workflows/execution_engine/versions', async () => {
  const response = await app.inject({ method: 'GET', url: '/workflows/execution_engine/versions' });
  expect(response.json()).toEqual({ versions: [EXECUTION_ENGINE_VERSION] });
});
