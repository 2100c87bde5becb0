import { spawnSync } from 'node:child_process';
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stdoutDestination, TurnBatchedWriter } from './stdout-destination.js';

const lines = ['{"msg":"one"}\n', '{"msg":"two"}\n', '{"msg":"trois é"}\n'];
const expectedBytes = Buffer.byteLength(lines.join(''));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('stdoutDestination', () => {
  const folder = mkdtempSync(join(tmpdir(), 'flow-log-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('in sync mode writes the lines of one event-loop turn together when the turn ends', async () => {
    const fd = openSync(join(folder, 'sync.log'), 'w');
    try {
      const destination = new TurnBatchedWriter(fd);
      for (const line of lines) destination.write(line);
      expect(fstatSync(fd).size).toBe(0);
      await nextTurn();
      expect(fstatSync(fd).size).toBe(expectedBytes);
      destination.write(lines[0]!);
      await nextTurn();
      expect(fstatSync(fd).size).toBe(expectedBytes + lines[0]!.length);
      // pino's logger.flush(callback) writes at once and calls back.
      destination.write(lines[1]!);
      let flushed = false;
      destination.flush(() => (flushed = true));
      expect([flushed, fstatSync(fd).size]).toEqual([true, expectedBytes + lines[0]!.length + lines[1]!.length]);
    } finally {
      closeSync(fd);
    }
  });

  it('in sync mode makes deferred lines when it writes, in order with the others', async () => {
    const path = join(folder, 'deferred.log');
    const fd = openSync(path, 'w');
    try {
      const destination = new TurnBatchedWriter(fd);
      let made = 0;
      destination.write(lines[0]!);
      destination.writeLater({ toLine: () => (made++, lines[1]!) });
      destination.write(lines[2]!);
      expect(made).toBe(0);
      await nextTurn();
      expect(made).toBe(1);
      expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
    } finally {
      closeSync(fd);
    }
  });

  it('in sync mode keeps the lines of the last turn when the process exits at once', () => {
    const path = join(folder, 'exit.log');
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const module = fileURLToPath(new URL('./stdout-destination.ts', import.meta.url));
    const script = `import { openSync } from 'node:fs'; const { stdoutDestination } = await import(${JSON.stringify(module)});
      const destination = stdoutDestination({ sync: true, fd: openSync(${JSON.stringify(path)}, 'w') });
      for (const line of ${JSON.stringify(lines)}) destination.write(line);
      process.exit(3);`;
    const child = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
  });

  it('in sync mode drops the lines, not the server, when the fd cannot be written', async () => {
    const fd = openSync(join(folder, 'closed.log'), 'w');
    closeSync(fd);
    const destination = new TurnBatchedWriter(fd);
    destination.write(lines[0]!);
    expect(() => destination.flush()).not.toThrow();
  });

  it('in async mode writes every line once it has flushed', async () => {
    const path = join(folder, 'async.log');
    const fd = openSync(path, 'w');
    const destination = stdoutDestination({ sync: false, fd }) as ReturnType<typeof stdoutDestination> & { end(): void; once(event: string, listener: () => void): void };
    for (const line of lines) destination.write(line);
    await new Promise<void>((resolve) => {
      destination.once('close', resolve);
      destination.end();
    });
    expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
  });
});
