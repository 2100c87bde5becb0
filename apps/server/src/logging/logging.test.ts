import { createEngine, type Engine } from '@flow/engine';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLoggerOptions } from './logger-options.js';
import { createTestServer, secretWorkflow, upperWorkflow } from '../test-support/server-fixtures.js';
import { serverTestPack } from '../test-support/test-blocks.js';

function collectLogs() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) }, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('structured logs', () => {
  it('mask api_key fields and authorization headers written through the server logger', async () => {
    const logs = collectLogs();
    const app = Fastify({ logger: createLoggerOptions('info', logs.destination) });
    app.log.info({ api_key: 'key-at-top-0123', body: { api_key: 'key-in-body-0123' }, headers: { authorization: 'Bearer key-in-header-0123', cookie: 'sid=cookie-0123' } }, 'with secrets');
    await app.close();
    const text = logs.lines.join('');
    for (const secret of ['key-at-top-0123', 'key-in-body-0123', 'key-in-header-0123', 'cookie-0123']) expect(text).not.toContain(secret);
    expect(logs.records().find((record) => record.msg === 'with secrets')).toMatchObject({ api_key: '[redacted]', body: { api_key: '[redacted]' }, headers: { authorization: '[redacted]' } });
  });

  it('are JSON lines carrying the request id, with API keys and secrets never written', async () => {
    const logs = collectLogs();
    const app = await createTestServer({ logLevel: 'debug' }, { logDestination: logs.destination });
    await app.inject({ method: 'POST', url: '/workflows/run', headers: { authorization: 'Bearer header-key-0123456789', 'x-request-id': 'req-1' }, payload: { specification: upperWorkflow, inputs: { text: 'a' }, api_key: 'body-key-0123456789' } });
    await app.inject({ method: 'POST', url: '/workflows/validate?api_key=query-key-0123456789', payload: upperWorkflow });
    await app.inject({ method: 'POST', url: '/workflows/run', headers: { 'x-request-id': 'req-3' }, payload: { specification: secretWorkflow({ fail: true }), inputs: { openai_key: 'sk-input-0123456789' } } });
    await app.close();

    const text = logs.lines.join('');
    for (const secret of ['header-key-0123456789', 'body-key-0123456789', 'query-key-0123456789', 'sk-input-0123456789']) expect(text).not.toContain(secret);
    const records = logs.records();
    expect(records.find((record) => record.request_id === 'req-1' && record.msg === 'incoming request')).toBeDefined();
    expect(records.find((record) => (record.req as { url?: string } | undefined)?.url === '/workflows/validate?api_key=qu***89')).toBeDefined();
    const failure = records.find((record) => record.request_id === 'req-3' && record.msg === 'request failed');
    expect(failure).toMatchObject({ level: 40, error_type: 'StepExecutionError', message: expect.stringContaining('sk********89') });
  });

  it('log unexpected errors with their stack, while the client only reads "Internal error."', async () => {
    const logs = collectLogs();
    const real = createEngine({ packs: [serverTestPack] });
    const broken: Engine = {
      ...real,
      compile: () => {
        throw new TypeError('kaboom in /srv/flow/internal.js');
      },
    };
    const app = await createTestServer({}, { engine: broken, logDestination: logs.destination });
    const response = await app.inject({ method: 'POST', url: '/workflows/run', headers: { 'x-request-id': 'req-boom' }, payload: { specification: upperWorkflow, inputs: {} } });
    await app.close();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ message: 'Internal error.' });
    const logged = logs.records().find((record) => record.request_id === 'req-boom' && record.level === 50);
    expect(logged).toMatchObject({ msg: 'request failed with an unexpected error', err: { type: 'TypeError', message: 'kaboom in /srv/flow/internal.js', stack: expect.stringContaining('TypeError') } });
  });
});
