import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = ['--import', 'tsx', '--conditions=@flow/source', join(root, 'apps/cli/src/bin.ts')];

describe('a block pack whose top-level await never settles', () => {
  it('makes flow exit 1 with a message naming it, not 13 in silence', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'flow-hang-'));
    const pack = join(directory, 'hanging-pack.mjs');
    await writeFile(pack, 'await new Promise(() => {});\nexport default { name: "hang", blocks: [] };\n');
    const result = await promisify(execFile)(process.execPath, [...bin, 'blocks', '--plugin', pack], { cwd: root }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    await rm(directory, { recursive: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`block pack "${pack}" never finished loading: its top-level await does not settle`);
  });
});
