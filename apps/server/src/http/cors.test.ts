import { describe, expect, it } from 'vitest';
import { createTestServer, upperWorkflow } from '../test-support/server-fixtures.js';

describe('CORS', () => {
  it('is off by default', async () => {
    const app = await createTestServer();
    const response = await app.inject({ method: 'POST', url: '/workflows/run', headers: { origin: 'https://editor.example' }, payload: { specification: upperWorkflow, inputs: { text: 'a' } } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });

  it('answers preflights and marks responses for configured origins only', async () => {
    const app = await createTestServer({ corsOrigins: ['https://editor.example'] });
    const preflight = await app.inject({ method: 'OPTIONS', url: '/workflows/run', headers: { origin: 'https://editor.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': 'https://editor.example', 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type,authorization' });
    const run = await app.inject({ method: 'POST', url: '/workflows/run', headers: { origin: 'https://editor.example' }, payload: { specification: upperWorkflow, inputs: { text: 'a' } } });
    expect(run.headers['access-control-allow-origin']).toBe('https://editor.example');
    expect(run.headers.vary).toContain('Origin');
    const stranger = await app.inject({ method: 'OPTIONS', url: '/workflows/run', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });
});
