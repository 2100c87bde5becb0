import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { TurnBatchedWriter } from './stdout-destination.js';
import { createLoggerOptions } from './logger-options.js';
import { accessLogMessage } from './access-log.js';
import { createTestServer, upperWorkflow } from '../test-support/server-fixtures.js';

function collectLines() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

const withoutTime = (line: string) => line.replace(/,"time":\d+/, ',"time":0');

describe('the access line', () => {
  it.each(['written at once', 'made when a batching destination writes'])('has the bytes pino writes for the same fields through the same logger (%s)', async (mode) => {
    const folder = mkdtempSync(join(tmpdir(), 'flow-access-'));
    const fd = openSync(join(folder, 'server.log'), 'w');
    const collected = collectLines();
    const batching = new TurnBatchedWriter(fd);
    const deferred = mode !== 'written at once';
    const app = await createTestServer({}, { logDestination: deferred ? batching : collected.destination });
    const requests = [
      { method: 'POST' as const, url: '/workflows/run', headers: { 'x-request-id': 'req-a', 'user-agent': 'flow-test/1.0 "quoted" é' }, payload: { specification: upperWorkflow, inputs: { text: 'a' } } },
      { method: 'POST' as const, url: '/workflows/validate?api_key=query-key-0123456789&x=%22', headers: { 'x-request-id': 'req-b' }, payload: upperWorkflow },
      { method: 'GET' as const, url: '/no/such/route?%C3%A9=1', headers: { 'x-request-id': 'req-c' } },
      { method: 'POST' as const, url: '/workflows/run', headers: { 'x-request-id': 'req-d' }, payload: '{not json' },
    ];
    for (const request of requests) await app.inject(request);
    await app.close();
    batching.flush();
    closeSync(fd);
    const written = deferred ? readFileSync(join(folder, 'server.log'), 'utf8').split(/(?<=\n)/) : collected.lines;
    rmSync(folder, { recursive: true, force: true });
    const accessLines = written.filter((line) => line.includes(`"msg":"${accessLogMessage}"`));
    expect(accessLines).toHaveLength(requests.length);

    // The same records written by pino itself, through a logger made with the server's options.
    const reference = collectLines();
    const logger = Fastify({ logger: createLoggerOptions('info', reference.destination) }).log;
    for (const [index, line] of accessLines.entries()) {
      const record = JSON.parse(line) as { request_id: string; req: { remoteAddress?: string; userAgent?: string }; res: { statusCode: number }; responseTime: number };
      // What was sent, unmasked: the reference masks it the way the server should have.
      const sent = requests[index]!;
      const request = { method: sent.method, url: sent.url, socket: { remoteAddress: record.req.remoteAddress }, headers: { 'user-agent': record.req.userAgent } };
      logger.child({ request_id: record.request_id }).info({ req: request, res: record.res, responseTime: record.responseTime }, accessLogMessage);
    }
    expect(accessLines.map(withoutTime)).toEqual(reference.lines.map(withoutTime));
    expect(accessLines.map((line) => JSON.parse(line).res.statusCode)).toEqual([200, 200, 404, 422]);
    expect(accessLines.join('')).not.toContain('query-key-0123456789');
  });

  it('is not written below the info level', async () => {
    const server = collectLines();
    const app = await createTestServer({ logLevel: 'warn' }, { logDestination: server.destination });
    await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification: upperWorkflow, inputs: { text: 'a' } } });
    await app.close();
    expect(server.lines.filter((line) => line.includes(accessLogMessage))).toEqual([]);
  });
});
