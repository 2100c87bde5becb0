import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBatchFolder, testPackPath } from '../../test-support/batch-fixtures.js';
import { repositoryRoot, runFlow } from '../../test-support/run-flow.js';

const tsxLoader = createRequire(join(repositoryRoot, 'package.json')).resolve('tsx');
const bin = join(repositoryRoot, 'apps/cli/src/bin.ts');

/** Starts `flow batch` as a real child process (source, through tsx) in `cwd`. */
function spawnBatch(cwd: string, args: string[]) {
  const child = spawn(process.execPath, ['--conditions=@flow/source', '--import', tsxLoader, bin, 'batch', 'workflow.json', 'images', '--plugin', testPackPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr: () => stderr };
}

async function lineCount(path: string): Promise<number> {
  try {
    const text = await readFile(path, 'utf8');
    return text.split('\n').length - 1;
  } catch {
    return 0;
  }
}

async function waitForLines(path: string, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await lineCount(path)) < count) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} lines in ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Result lines by image; fails on a line that is not JSON. */
async function resultsByImage(path: string): Promise<Map<string, unknown[]>> {
  const byImage = new Map<string, unknown[]>();
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.trimEnd().split('\n')) {
    const parsed = JSON.parse(line) as { image: string; sha256: string; outputs: unknown };
    byImage.set(parsed.image, [...(byImage.get(parsed.image) ?? []), { sha256: parsed.sha256, outputs: parsed.outputs }]);
  }
  return byImage;
}

describe('flow batch interrupted in a real process', () => {
  it('loses and duplicates nothing when killed with SIGKILL mid-batch and resumed', async () => {
    const directory = await makeBatchFolder(60);
    const reference = await runFlow(['batch', 'workflow.json', 'images', '--out', 'uninterrupted.jsonl', '--quiet', '--plugin', testPackPath], { cwd: directory });
    expect(reference.code).toBe(0);

    const out = join(directory, 'killed.jsonl');
    const run = spawnBatch(directory, ['--out', 'killed.jsonl', '--input', 'delay=40', '--concurrency', '6', '--quiet']);
    await waitForLines(out, 15);
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    const before = await lineCount(out);
    expect(before).toBeGreaterThanOrEqual(15);
    expect(before).toBeLessThan(60);

    const resumed = await runFlow(['batch', 'workflow.json', 'images', '--out', 'killed.jsonl', '--plugin', testPackPath], { cwd: directory });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`\\d+ ok, 0 failed, (${before}|${before - 1}) already done`));

    const expected = await resultsByImage(join(directory, 'uninterrupted.jsonl'));
    const actual = await resultsByImage(out);
    expect(actual.size).toBe(60);
    for (const results of actual.values()) expect(results).toHaveLength(1);
    expect(new Map([...actual].sort())).toEqual(new Map([...expected].sort()));
  });

  it('on SIGINT stops taking images, lets running ones finish, exits 130, and resumes to the full set', async () => {
    const directory = await makeBatchFolder(40);
    const out = join(directory, 'results.jsonl');
    const run = spawnBatch(directory, ['--out', 'results.jsonl', '--input', 'delay=150', '--concurrency', '4']);
    await waitForLines(out, 4);
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code).toBe(130);
    expect(run.stderr()).toMatch(/stopping; running images will finish/);
    expect(run.stderr()).toMatch(/\(interrupted\)/);
    const afterInterrupt = await resultsByImage(out);
    // The images in flight when Ctrl-C came were finished and written: every line is whole, none repeated.
    expect(afterInterrupt.size).toBe(await lineCount(out));
    expect(afterInterrupt.size).toBeGreaterThanOrEqual(4);
    expect(afterInterrupt.size).toBeLessThan(40);
    expect(afterInterrupt.size % 4).toBe(0); // four started together, four finish together

    const resumed = await runFlow(['batch', 'workflow.json', 'images', '--out', 'results.jsonl', '--quiet', '--plugin', testPackPath], { cwd: directory });
    expect(resumed.code).toBe(0);
    const all = await resultsByImage(out);
    expect(all.size).toBe(40);
    for (const results of all.values()) expect(results).toHaveLength(1);
  });

  it('on a second SIGINT aborts the running images without recording them', async () => {
    const directory = await makeBatchFolder(8);
    const out = join(directory, 'results.jsonl');
    const run = spawnBatch(directory, ['--out', 'results.jsonl', '--input', 'delay=60000', '--concurrency', '2']);
    // Wait until the batch has begun (its results file exists), then interrupt twice.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (await stat(out).then(() => true, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    run.child.kill('SIGINT');
    const abortedAt = Date.now();
    const { code } = await run.exited;
    expect(code).toBe(130);
    expect(Date.now() - abortedAt).toBeLessThan(10_000); // far sooner than the 60 s the running images wait
    expect(run.stderr()).toMatch(/aborting running images/);
    expect(await lineCount(out)).toBe(0);
  });
});
