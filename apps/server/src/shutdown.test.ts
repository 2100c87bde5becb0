import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { startServer } from './start-server.js';
import { waitWorkflow } from './test-support/server-fixtures.js';
import { serverTestPack } from './test-support/test-blocks.js';

const env = { FLOW_METRICS_DEFAULT: 'false', LOG_LEVEL: 'silent' };

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const runBody = (milliseconds: number, block: 'wait' | 'stubborn_wait' = 'wait') => JSON.stringify({ specification: waitWorkflow(milliseconds, block), inputs: { value: 'done' } });
const postRun = (url: string, milliseconds: number, block?: 'wait' | 'stubborn_wait') => fetch(`${url}/workflows/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: runBody(milliseconds, block) });

describe('graceful shutdown', () => {
  it('on a signal: stops accepting, lets the run in progress finish, then exits 0', async () => {
    const exit = vi.fn();
    const running = await startServer({ port: 0, env, packs: [serverTestPack], signals: ['SIGUSR2'], exit });
    const inFlight = postRun(running.url, 300);
    await until(() => running.app.flow.runSlots.inFlight === 1);
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(running.app.flow.lifecycle.draining).toBe(true);
    const late = await postRun(running.url, 10).then((response) => response.status, () => 'refused');
    expect([503, 'refused']).toContain(late);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outputs: [{ value: 'done' }], profiler_trace: [] });
    await until(() => exit.mock.calls.length > 0);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('past the deadline, aborts the runs still going (503) and closes', async () => {
    const running = await startServer({ port: 0, env: { ...env, FLOW_SHUTDOWN_TIMEOUT_MS: '100' }, packs: [serverTestPack], signals: false });
    const inFlight = postRun(running.url, 5000, 'stubborn_wait');
    await until(() => running.app.flow.runSlots.inFlight === 1);
    const started = Date.now();
    const result = await running.close();
    const response = await inFlight;
    expect(result.forced).toBe(true);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { message: string }).message).toContain('shutting down');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a real SIGTERM ends a real server process with exit code 0 after its run', async () => {
    const require = createRequire(import.meta.url);
    const tsx = require.resolve('tsx');
    const script = fileURLToPath(new URL('./test-support/serve-child.ts', import.meta.url));
    const child = spawn(process.execPath, ['--conditions=@flow/source', '--import', tsx, script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /LISTENING (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', () => reject(new Error(`server exited early: ${output}`)));
    });
    const inFlight = postRun(url, 400);
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await exited).toBe(0);
  }, 15_000);
});

describe('client disconnects', () => {
  it('stop the run and free its slot without hurting the server', async () => {
    const running = await startServer({ port: 0, env, packs: [serverTestPack], signals: false });
    const { port } = new URL(running.url);
    const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/workflows/run', headers: { 'content-type': 'application/json' } });
    request.on('error', () => {});
    request.end(runBody(5000));
    await until(() => running.app.flow.runSlots.inFlight === 1);
    const started = Date.now();
    request.destroy();
    await until(() => running.app.flow.runSlots.inFlight === 0);
    expect(Date.now() - started).toBeLessThan(2000);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toContain('flow_workflow_errors_total{error_type="ClientDisconnected",status="499"} 1');
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    await running.close();
  });
});
