import { readJsonFile } from './read-json-file.js';

/** Accepts a bare definition or a run request body holding one in `specification` (as the server takes it). */
export function unwrapSpecification(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'specification' in value && !('steps' in value)) return (value as { specification: unknown }).specification;
  return value;
}

/** Reads a definition file: a bare definition, or a run request body holding one in `specification`. */
export async function readDefinition(path: string, cwd: string): Promise<unknown> {
  return unwrapSpecification(await readJsonFile(path, cwd, 'definition'));
}
