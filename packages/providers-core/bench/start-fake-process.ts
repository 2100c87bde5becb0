import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { FakeVendorOptions } from '@flow/testing';

/** Starts the fake OpenAI API in a child process; returns its base URL and a stop function. */
export async function startFakeOpenAIProcess(options: FakeVendorOptions): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const script = fileURLToPath(new URL('./fake-openai-process.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    baseURL: chunk.toString('utf8').trim(),
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
