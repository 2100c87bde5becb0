import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { FakeVllmOptions } from '@flow/testing';

/** Starts the fake vLLM in a child process and returns its URL and a stop function. */
export async function startFakeProcess(options: FakeVllmOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const script = fileURLToPath(new URL('./fake-vllm-process.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    url: chunk.toString('utf8').trim(),
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
