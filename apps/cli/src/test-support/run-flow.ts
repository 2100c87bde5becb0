import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../main.js';

/** The repository root (examples live there). */
export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

/** Runs `flow` in-process with captured output. */
export async function runFlow(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, cwd: options.cwd ?? repositoryRoot, env: options.env ?? {} });
  return { code, stdout, stderr };
}
