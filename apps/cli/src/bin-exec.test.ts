import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

// The README runs the CLI as `pnpm exec flow` (the root links @flow/cli's bin): its output is the
// command's own, with no `$ node ...` line from pnpm. Needs the built CLI (`pnpm build`; `pnpm test` builds).
describe('pnpm exec flow', () => {
  it('prints only what flow prints', async () => {
    const { stdout, stderr } = await promisify(execFile)('pnpm', ['exec', 'flow', '--version'], { cwd: root });
    expect(stdout).toBe(`flow ${packageJson.version}\n`);
    expect(stderr).toBe('');
  });
});
