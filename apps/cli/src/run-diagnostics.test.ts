import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { main } from './main.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

async function flow(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, cwd, env: {} });
  return { code, stdout, stderr };
}

const detector = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'answer' },
    { type: 'WorkflowParameter', name: 'classes', default_value: ['cat', 'dog'] },
  ],
  steps: [{ type: 'roboflow_core/vlm_as_detector@v2', name: 'parser', image: '$inputs.image', vlm_output: '$inputs.answer', classes: '$inputs.classes', model_type: 'google-gemini', task_type: 'object-detection' }],
  outputs: [{ type: 'JsonField', name: 'error_status', selector: '$steps.parser.error_status' }],
};

describe('flow run diagnostics, validate bodies, --version', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'flow-cli-'));
    await writeFile(join(directory, 'detector.json'), JSON.stringify(detector));
    await writeFile(join(directory, 'request.json'), JSON.stringify({ specification: detector, inputs: {} }));
  });
  afterAll(() => rm(directory, { recursive: true }));

  const image = join(root, 'examples/workflows/pets.png');

  it('prints why a VLM answer did not parse, and which inputs fell back to their defaults, on stderr', async () => {
    const { code, stdout, stderr } = await flow(['run', 'detector.json', '--input', `image=${image}`, '--input', 'answer=not json'], directory);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).outputs).toEqual([{ error_status: true }]);
    expect(stderr).toContain('flow run: warning: Could not parse the VLM answer as detections (model google-gemini, task object-detection)');
    expect(stderr).toContain('flow run: warning: input "classes" was not given; using its default ["cat","dog"]');
  });

  it('--quiet keeps stderr empty', async () => {
    const { code, stderr } = await flow(['run', 'detector.json', '--quiet', '--input', `image=${image}`, '--input', 'answer=not json'], directory);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('validate accepts a run request body holding the definition in "specification"', async () => {
    const { code, stdout } = await flow(['validate', 'request.json'], directory);
    expect(code).toBe(0);
    expect(stdout).toContain('compiles (3 inputs, 1 step, 1 output)');
  });

  it('--version prints the version', async () => {
    const { code, stdout } = await flow(['--version'], directory);
    expect(code).toBe(0);
    expect(stdout).toBe(`flow ${packageJson.version}\n`);
  });

  it('describe shows each property\'s type, allowed values and default', async () => {
    const { stdout } = await flow(['describe', 'roboflow_core/vlm_as_detector@v2'], directory);
    expect(stdout).toContain('  image (required): selector to image\n');
    expect(stdout).toContain('  model_type (required): one of "openai" | "google-gemini"');
    expect(stdout).toContain('  classes: selector to list_of_values or list of string or null\n');
  });
});
