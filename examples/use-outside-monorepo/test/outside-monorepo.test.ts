import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('..', import.meta.url));
const root = resolve(here, '../..');

// The README's "outside this monorepo" recipe, done the way `pnpm add link:<flow>/packages/<name>` does it:
// a fresh folder whose node_modules/@flow/* point into a built checkout. Then the example runs there
// with plain `node`, resolving the packages' published entry points (dist), not the sources.
describe('using the packages outside the monorepo', () => {
  it('runs example.mjs from a project that links the built packages', async () => {
    const project = await mkdtemp(join(tmpdir(), 'flow-outside-'));
    try {
      await mkdir(join(project, 'node_modules', '@flow'), { recursive: true });
      for (const name of ['kinds', 'engine', 'blocks-formatters']) await symlink(join(root, 'packages', name), join(project, 'node_modules', '@flow', name), 'dir');
      await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }));
      await copyFile(join(here, 'example.mjs'), join(project, 'example.mjs'));
      const { stdout } = await promisify(execFile)(process.execPath, ['example.mjs', join(root, 'examples/workflows/pets.png')], { cwd: project });
      const [record] = JSON.parse(stdout) as Array<{ predictions: { image: unknown; predictions: Array<Record<string, unknown>> } }>;
      expect(record!.predictions.image).toEqual({ width: 320, height: 240 });
      expect(record!.predictions.predictions).toHaveLength(1);
      expect(record!.predictions.predictions[0]).toMatchObject({ class: 'dog', class_id: 1, confidence: 0.93, x: 96, width: 128 });
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
