import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stdoutDestination } from './stdout-destination.js';

describe('stdoutDestination', () => {
  const folder = mkdtempSync(join(tmpdir(), 'flow-log-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const lines = ['{"msg":"one"}\n', '{"msg":"two"}\n', '{"msg":"three"}\n'];

  it('in sync mode has written every line by the time write returns', () => {
    const fd = openSync(join(folder, 'sync.log'), 'w');
    try {
      const destination = stdoutDestination({ sync: true, fd });
      for (const line of lines) destination.write(line);
      // Buffered writing would have at most the first line on disk here: the rest wait for it to finish.
      expect(fstatSync(fd).size).toBe(lines.join('').length);
    } finally {
      closeSync(fd);
    }
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
