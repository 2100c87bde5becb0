import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePng as tinyPng } from '@flow/testing';

/** Absolute path of the test-blocks plugin module. */
export const testPackPath = fileURLToPath(new URL('./test-pack.ts', import.meta.url));

/** image -> size -> wait(delay) -> outputs `size` ("WxH") and `width`: slow enough to interrupt. */
export const sizeWorkflow = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'delay', default_value: 0 },
  ],
  steps: [
    { type: 'test/image_size@v1', name: 'size', image: '$inputs.image' },
    { type: 'test/wait@v1', name: 'wait', value: '$steps.size.description', milliseconds: '$inputs.delay' },
  ],
  outputs: [
    { type: 'JsonField', name: 'size', selector: '$steps.wait.value' },
    { type: 'JsonField', name: 'width', selector: '$steps.size.width' },
  ],
};

/**
 * A temporary folder with `workflow.json` and `count` PNGs under `images/` (every fifth in `images/sub/`),
 * image i being (i+1)x1 pixels so each result differs.
 */
export async function makeBatchFolder(count: number, options: { broken?: number[] } = {}): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'flow-batch-'));
  await mkdir(join(directory, 'images', 'sub'), { recursive: true });
  await writeFile(join(directory, 'workflow.json'), JSON.stringify(sizeWorkflow));
  for (let index = 0; index < count; index++) {
    const name = `${index % 5 === 4 ? 'sub/' : ''}img-${String(index).padStart(4, '0')}.png`;
    const bytes = options.broken?.includes(index) ? Buffer.from('not a png at all') : tinyPng(index + 1, 1, [index % 256, 10, 20]);
    await writeFile(join(directory, 'images', name), bytes);
  }
  return directory;
}
