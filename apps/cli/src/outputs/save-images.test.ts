import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot, runFlow } from '../test-support/run-flow.js';

const workflow = join(repositoryRoot, 'examples/workflows/annotate-from-answer.workflow.json');
const inputs = join(repositoryRoot, 'examples/workflows/annotate-from-answer.inputs.json');
const answer = JSON.parse(await readFile(inputs, 'utf8')).answer as string;

describe('--save-images', () => {
  it('flow run writes image outputs as files named after the input image and the output, and prints their paths', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'flow-save-'));
    const { code, stdout, stderr } = await runFlow(['run', workflow, '--inputs', inputs, '--save-images', 'pictures', '--compact'], { cwd: directory });
    // The example leaves classes to its default, which flow run says on stderr (issue 12).
    expect(stderr).toBe('flow run: warning: input "classes" was not given; using its default ["cat","dog"]\n');
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout).outputs;
    expect(result.annotated).toEqual({ type: 'file', value: join('pictures', 'pets.annotated.png') });
    expect(result.predictions.predictions).toHaveLength(2); // everything else is as without the flag
    const saved = await readFile(join(directory, 'pictures', 'pets.annotated.png'));
    // The same picture the README shows (examples/workflows/pets.annotated.png), byte for byte.
    expect(saved.equals(await readFile(join(repositoryRoot, 'examples/workflows/pets.annotated.png')))).toBe(true);
  });

  it('without the flag the image stays inline base64', async () => {
    const { stdout } = await runFlow(['run', workflow, '--inputs', inputs, '--compact']);
    const [result] = JSON.parse(stdout).outputs;
    expect(result.annotated.type).toBe('base64');
    expect(Buffer.from(result.annotated.value, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('flow batch writes one file per image and output, and the results hold their paths', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'flow-save-batch-'));
    const pets = join(repositoryRoot, 'examples/workflows/pets.png');
    const { code } = await runFlow(['batch', workflow, pets, '--out', 'results.jsonl', '--input', `answer=${answer}`, '--save-images', 'out', '--quiet'], { cwd: directory });
    expect(code).toBe(0);
    const [line] = (await readFile(join(directory, 'results.jsonl'), 'utf8')).trimEnd().split('\n').map((text) => JSON.parse(text));
    const expectedName = `pets-${line.sha256.slice(0, 8)}.annotated.png`;
    expect(line.outputs.annotated).toEqual({ type: 'file', value: join('out', expectedName) });
    expect(await readdir(join(directory, 'out'))).toEqual([expectedName]);
  });
});
