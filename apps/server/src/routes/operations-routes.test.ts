import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowSpecificationRunSchema } from '../schemas/request-schemas.js';
import { createTestServer, failWorkflow, upperWorkflow } from '../test-support/server-fixtures.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestServer();
});
afterAll(() => app.close());

describe('health', () => {
  it('/healthz and /readyz answer while the server runs', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });
});

describe('GET /metrics', () => {
  it('exposes requests, latencies, step durations, errors and cache lookups in Prometheus text', async () => {
    await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification: upperWorkflow, inputs: { text: 'a' } } });
    await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification: upperWorkflow, inputs: { text: 'b' } } });
    await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification: failWorkflow, inputs: { value: 1 } } });
    const response = await app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(text).toContain('flow_http_requests_total{method="POST",route="/workflows/run",status="200"} 2');
    expect(text).toContain('flow_http_requests_total{method="POST",route="/workflows/run",status="500"} 1');
    expect(text).toMatch(/flow_http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/workflows\/run",status="200"\} 2/);
    expect(text).toMatch(/flow_workflow_step_duration_seconds_count\{block_type="test\/upper@v1",outcome="ok"\} 2/);
    expect(text).toMatch(/flow_workflow_step_duration_seconds_count\{block_type="test\/fail@v1",outcome="error"\} 1/);
    expect(text).toContain('flow_workflow_errors_total{error_type="StepExecutionError",status="500"} 1');
    expect(text).toContain('flow_compiled_workflow_cache_total{result="hit"} 1');
    expect(text).toContain('flow_workflow_runs_in_flight 0');
  });

  it('labels unknown URLs by a fixed route name, so scanners cannot blow up cardinality', async () => {
    await app.inject({ url: '/random-path-123' });
    const text = (await app.inject({ url: '/metrics' })).body;
    expect(text).toContain('route="unmatched"');
    expect(text).not.toContain('random-path-123');
  });
});

describe('GET /openapi.json', () => {
  it('documents every route from the schemas that validate requests', async () => {
    const response = await app.inject({ url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/workflows/run',
        '/infer/workflows',
        '/{workspace}/workflows/{workflow_id}',
        '/workflows/validate',
        '/workflows/describe_interface',
        '/workflows/blocks/describe',
        '/workflows/definition/schema',
        '/workflows/blocks/dynamic_outputs',
        '/workflows/execution_engine/versions',
        '/healthz',
        '/readyz',
        '/metrics',
        '/openapi.json',
      ]),
    );
    const run = document.paths['/workflows/run'].post;
    expect(run.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/WorkflowSpecificationInferenceRequest' });
    const requestSchema = document.components.schemas.WorkflowSpecificationInferenceRequest;
    // The same zod schema validates the request: its required fields and properties show up here.
    expect(requestSchema.required).toEqual(expect.arrayContaining(['inputs', 'specification']));
    expect(Object.keys(requestSchema.properties).sort()).toEqual(Object.keys(workflowSpecificationRunSchema.shape).sort());
    expect(run.responses['422'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/HTTPValidationError' });
    expect(document.paths['/{workspace}/workflows/{workflow_id}'].post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'workspace', in: 'path', required: true })]),
    );
    expect(document.paths['/infer/workflows'].post.deprecated).toBe(true);
  });
});
