import { readJsonFile } from './read-json-file.js';

/** Reads a definition file: a bare definition, or a run request body holding one in `specification`. */
export async function readDefinition(path: string, cwd: string): Promise<unknown> {
  const value = await readJsonFile(path, cwd, 'definition');
  if (typeof value === 'object' && value !== null && 'specification' in value && !('steps' in value)) return (value as { specification: unknown }).specification;
  return value;
}
