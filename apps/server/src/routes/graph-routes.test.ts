import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, upperWorkflow } from '../test-support/server-fixtures.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await createTestServer();
});
afterAll(() => app.close());

describe('POST /workflows/graph', () => {
  it('answers the Mermaid flowchart of the definition sent as the body', async () => {
    const response = await app.inject({ method: 'POST', url: '/workflows/graph', payload: upperWorkflow });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/vnd\.mermaid/);
    expect(response.body.split('\n')).toEqual([
      'flowchart LR',
      '  input_0[/"$inputs.text<br/><i>WorkflowParameter</i>"/]',
      '  step_0["<b>upper</b><br/>test/upper@v1"]',
      '  output_0[["result"]]',
      '  input_0 -->|"text"| step_0',
      '  step_0 -->|"text → result"| output_0',
      '',
    ]);
  });

  it('answers the same compile errors as /workflows/validate, and 422 for a body that is not an object', async () => {
    const broken = { ...upperWorkflow, steps: [{ type: 'test/uper@v1', name: 'upper' }] };
    const graph = await app.inject({ method: 'POST', url: '/workflows/graph', payload: broken });
    const validate = await app.inject({ method: 'POST', url: '/workflows/validate', payload: broken });
    expect(graph.statusCode).toBe(400);
    expect(graph.json()).toEqual(validate.json());
    const notObject = await app.inject({ method: 'POST', url: '/workflows/graph', payload: [1] });
    expect(notObject.statusCode).toBe(422);
  });

  it('is documented in /openapi.json', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.paths['/workflows/graph'].post.responses['200'].content).toEqual({ 'text/vnd.mermaid': { schema: { type: 'string' } } });
    expect(document.paths['/workflows/graph'].post.operationId).toBe('workflowGraph');
  });
});
