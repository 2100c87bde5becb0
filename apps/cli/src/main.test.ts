import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const example = (name: string) => `examples/workflows/${name}`;

async function flow(args: string[], cwd = root) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, cwd, env: {} });
  return { code, stdout, stderr };
}

describe('flow run', () => {
  it('prints what POST /workflows/run would answer for the quick-start example', async () => {
    const { code, stdout, stderr } = await flow(['run', example('detect-from-answer.workflow.json'), '--inputs', example('detect-from-answer.inputs.json')]);
    expect(stderr).toBe('flow run: warning: input "classes" was not given; using its default ["cat","dog"]\n');
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(Object.keys(body)).toEqual(['outputs', 'profiler_trace']);
    expect(body.outputs).toHaveLength(1);
    const { predictions, error_status } = body.outputs[0];
    expect(error_status).toBe(false);
    expect(predictions.image).toEqual({ width: 320, height: 240 });
    // 0.07..0.43 x 0.25..0.83 of 320x240 rounds half-to-even to [22, 60, 138, 199]; box_2d is 0-1000 [y, x, y, x].
    expect(predictions.predictions.map((p: Record<string, unknown>) => [p.x, p.y, p.width, p.height, p.class, p.class_id, p.confidence])).toEqual([
      [80, 129.5, 116, 139, 'dog', 1, 0.94],
      [240, 110, 120, 140, 'cat', 0, 0.88],
    ]);
    expect(predictions.predictions[0].parent_id).toBe('image');
    // Floats print as floats (a Python client gets float, not int); class ids and the image size stay ints.
    expect(stdout).toContain('"image":{"width":320,"height":240}');
    expect(stdout).toContain('{"width":116.0,"height":139.0,"x":80.0,"y":129.5,"confidence":0.94,"class_id":1,');
    expect(stdout).toContain('{"width":120.0,"height":140.0,"x":240.0,"y":110.0,"confidence":0.88,"class_id":0,');
  });

  it('takes inputs from repeated --input flags: image paths make a batch, other values parse as JSON or text', async () => {
    const { code, stdout } = await flow([
      'run', example('classify-from-answer.workflow.json'), '--compact',
      '--input', `image=${example('pets.png')}`, '--input', `image=${example('pets.png')}`,
      '--input', 'answer={"class_name": "cat", "confidence": "0.5"}',
    ]);
    expect(code).toBe(0);
    const { outputs } = JSON.parse(stdout);
    expect(outputs).toHaveLength(2);
    expect(outputs[1].top).toMatchObject({ top: 'cat', confidence: 0.5, parent_id: 'image.[1]' });
  });

  it('drops outputs named by --exclude', async () => {
    const { stdout } = await flow(['run', example('classify-from-answer.workflow.json'), '--inputs', example('classify-from-answer.inputs.json'), '--exclude', 'top']);
    expect(JSON.parse(stdout).outputs).toEqual([{ error_status: false }]);
  });

  it('exits 1 with the error body when the workflow fails at run time', async () => {
    const { code, stdout, stderr } = await flow(['run', example('classify-from-answer.workflow.json'), '--input', 'image=missing.png', '--input', 'answer=x']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ error_type: 'RuntimeInputError' });
    expect(stderr).toMatch(/image file not found/);
  });

  it('exits 2 on usage errors with a pointer to --help', async () => {
    expect((await flow(['run'])).code).toBe(2);
    const missing = await flow(['run', 'nope.json']);
    expect([missing.code, missing.stderr]).toEqual([2, 'flow run: definition file not found: nope.json\nRun `flow run --help` for usage.\n']);
    const unknownFlag = await flow(['run', example('classify-from-answer.workflow.json'), '--colour']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--colour'/);
    const badInput = await flow(['run', example('classify-from-answer.workflow.json'), '--input', 'nobody=1']);
    expect(badInput.stderr).toMatch(/no input named "nobody" \(inputs: image, answer\)/);
    expect((await flow(['frobnicate'])).code).toBe(2);
  });

  it('prints help for every command', async () => {
    for (const command of ['run', 'validate', 'blocks', 'describe', 'serve']) {
      const { code, stdout } = await flow([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: flow ${command}`);
    }
    expect((await flow(['--help'])).stdout).toContain('Commands:');
  });
});

describe('flow validate', () => {
  it('exits 0 for a workflow that compiles', async () => {
    const { code, stdout } = await flow(['validate', example('detect-from-answer.workflow.json')]);
    expect(code).toBe(0);
    expect(stdout).toContain('compiles (3 inputs, 1 step, 2 outputs)');
    expect((await flow(['validate', example('detect-from-answer.workflow.json'), '--json'])).stdout).toBe('{"status":"ok"}\n');
  });

  it('exits 1 listing every problem, and gives the server error body with --json', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'flow-cli-'));
    const broken = join(directory, 'broken.json');
    await writeFile(broken, JSON.stringify({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'roboflow_core/vlm_as_detectr@v2', name: 'a' },
        { type: 'roboflow_core/vlm_as_classifier@v2', name: 'b', image: '$inputs.picture', vlm_output: '$inputs.image', classes: ['x'] },
      ],
      outputs: [],
    }));
    const { code, stderr } = await flow(['validate', broken]);
    expect(code).toBe(1);
    expect(stderr).toContain('3 problems');
    expect(stderr).toContain(`step "b", property "image": Workflow references '$inputs.picture' which points to a non-existent input parameter.`);
    expect(stderr).toContain('step "b", property "vlm_output": Failed to validate reference');
    expect(stderr).toContain('step "a", property "type": Step "a" uses unknown block type "roboflow_core/vlm_as_detectr@v2". Did you mean "roboflow_core/vlm_as_detector@v2"');
    expect(stderr).toContain('[UNKNOWN_BLOCK_TYPE]');
    const json = await flow(['validate', broken, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ error_type: 'WorkflowSyntaxError', blocks_errors: expect.arrayContaining([expect.objectContaining({ block_id: 'a' })]) });
  });
});

describe('flow blocks and describe', () => {
  it('lists the formatter blocks and third-party packs from --plugin', async () => {
    const { stdout } = await flow(['blocks', '--plugin', './examples/flow-blocks-text']);
    for (const type of ['roboflow_core/vlm_as_detector@v1', 'roboflow_core/vlm_as_detector@v2', 'roboflow_core/vlm_as_classifier@v1', 'roboflow_core/vlm_as_classifier@v2', 'acme/word_count@v1']) expect(stdout).toContain(type);
    const json = JSON.parse((await flow(['blocks', '--json'])).stdout) as Array<{ type: string }>;
    expect(json.map((row) => row.type)).toContain('roboflow_core/vlm_as_classifier@v2');
  });

  it('describes one block', async () => {
    const { code, stdout } = await flow(['describe', 'roboflow_core/vlm_as_detector@v2']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/model_type \(required\)/);
    expect(stdout).toMatch(/predictions: object_detection_prediction/);
    expect((await flow(['describe', 'nope@v1'])).code).toBe(2);
  });
});

describe('the flow binary', () => {
  it('runs as a process with the documented exit codes', async () => {
    const run = promisify(execFile);
    const bin = ['--import', 'tsx', '--conditions=@flow/source', join(root, 'apps/cli/src/bin.ts')];
    const ok = await run(process.execPath, [...bin, 'validate', example('classify-from-answer.workflow.json')], { cwd: root });
    expect(ok.stdout).toContain('compiles');
    const usage = await run(process.execPath, [...bin, 'run'], { cwd: root }).then(() => ({ code: 0 }), (error: { code: number }) => error);
    expect(usage.code).toBe(2);
  });
});

describe('flow serve', () => {
  it('starts the HTTP server, answers a run, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@flow/source', join(root, 'apps/cli/src/bin.ts'), 'serve', '--port', '0'], { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent' } });
    let stderr = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${stderr}`)), 15_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
    });
    const { readFile } = await import('node:fs/promises');
    const definition = JSON.parse(await readFile(join(root, example('detect-from-answer.workflow.json')), 'utf8'));
    const inputs = JSON.parse(await readFile(join(root, example('detect-from-answer.inputs.json')), 'utf8'));
    inputs.image = { type: 'base64', value: (await readFile(join(root, example('pets.png')))).toString('base64') };
    const response = await fetch(`${url}/workflows/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ specification: definition, inputs }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { outputs: Array<{ predictions: { predictions: unknown[] } }> };
    expect(body.outputs[0]!.predictions.predictions).toHaveLength(2);
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
