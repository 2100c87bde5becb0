import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from './cli-io.js';

/** Reads and parses a JSON file, turning a missing file or bad JSON into a usage error that names it. */
export async function readJsonFile(path: string, cwd: string, what: string): Promise<unknown> {
  const absolute = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${what} file not found: ${path}` : `cannot read ${what} file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
