import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = ['--import', 'tsx', '--conditions=@flow/source', join(root, 'apps/cli/src/bin.ts')];
const example = (name: string) => join(root, 'examples/workflows', name);
const KEY = 'sk-cli-e2e-test-key-777';

let openai: FakeVendor;
beforeAll(async () => {
  openai = await startFakeOpenAI({ apiKey: KEY, reply: { text: '{"top": "dog"}', usage: { inputTokens: 321, outputTokens: 4 } } });
});
afterAll(() => openai.close());

describe('flow run with a model block (process level, against the OpenAI fake)', () => {
  it('runs the lmm-for-classification example, prints the outputs and, with --usage, a token table on stderr', async () => {
    const env = { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: openai.baseURL, FLOW_CACHE_DIR: '' };
    const before = openai.requests.length;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...bin, 'run', example('lmm-for-classification.workflow.json'), '--inputs', example('lmm-for-classification.inputs.json'), '--usage', '--compact'], { cwd: root, env });
    const body = JSON.parse(stdout) as { outputs: Array<{ top: string; raw: string }> };
    expect(body.outputs).toEqual([{ top: 'dog', raw: '{"top": "dog"}' }]);
    expect(openai.requests.length - before).toBe(1);
    const request = openai.requests.at(-1)!;
    expect(request.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect((request.json as { model: string }).model).toBe('gpt-4o');
    expect(stderr).toMatch(/^gpt\s+openai\s+gpt-4o\s+1\s+0\s+321\s+4$/m);
    expect(stderr).toMatch(/^total\s+1\s+0\s+321\s+4$/m);
    expect(stdout + stderr).not.toContain(KEY);
  }, 60_000);

  it('without a key: exit 1 and an error naming the step, the field and OPENAI_API_KEY', async () => {
    const env = { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: openai.baseURL };
    const result = await promisify(execFile)(process.execPath, [...bin, 'run', example('lmm-for-classification.workflow.json'), '--inputs', example('lmm-for-classification.inputs.json'), '--compact'], { cwd: root, env }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Step `gpt`: `remote_api_key`/);
    expect(result.stdout).toMatch(/OPENAI_API_KEY/);
  }, 60_000);
});
