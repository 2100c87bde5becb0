import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Engine } from '../engine.js';
import type { RunOptions } from '../executor/run-options.js';
import { compareJson } from './compare-json.js';
import { normalizeOutputs } from './normalize-outputs.js';

/** A workflow definition, the `inputs` of a run request, and the `outputs` it must answer. */
export interface GoldenWorkflowFixture {
  name: string;
  definition: unknown;
  inputs: Record<string, unknown>;
  expected: unknown;
  /** Folder the fixture was read from; `{"type": "file"}` images are resolved against it. */
  directory?: string;
}

export interface GoldenWorkflowResult {
  name: string;
  expected: unknown;
  actual: unknown;
  differences: string[];
}

/**
 * Reads every `<name>.workflow.json` in a folder with its `<name>.inputs.json` (optional) and
 * `<name>.expected.json` (the serialised `outputs` list).
 */
export async function loadGoldenWorkflows(directory: string): Promise<GoldenWorkflowFixture[]> {
  const files = await readdir(directory);
  const names = files.filter((file) => file.endsWith('.workflow.json')).map((file) => file.slice(0, -'.workflow.json'.length)).sort();
  return Promise.all(
    names.map(async (name) => {
      const read = async (suffix: string, fallback?: unknown) => {
        const file = `${name}${suffix}`;
        if (!files.includes(file)) {
          if (fallback !== undefined) return fallback;
          throw new Error(`Golden workflow "${name}" has no ${file} in ${directory}.`);
        }
        return JSON.parse(await readFile(join(directory, file), 'utf8')) as unknown;
      };
      return {
        name,
        directory,
        definition: await read('.workflow.json'),
        inputs: (await read('.inputs.json', {})) as Record<string, unknown>,
        expected: await read('.expected.json'),
      };
    }),
  );
}

/**
 * Compiles and runs a fixture and compares the serialised outputs with the expected ones, after
 * normalising run-specific values (UUIDs, timestamps). Numbers must match within `tolerance` (default 0).
 */
export async function runGoldenWorkflow(engine: Engine, fixture: GoldenWorkflowFixture, options: RunOptions & { tolerance?: number } = {}): Promise<GoldenWorkflowResult> {
  const workflow = engine.compile(fixture.definition);
  const directory = fixture.directory;
  const outputs = await workflow.run(fixture.inputs, {
    loadImageFile: directory ? (path) => readFile(resolve(directory, path)) : undefined,
    ...options,
  });
  const actual = normalizeOutputs(workflow.serialize(outputs));
  const expected = normalizeOutputs(fixture.expected);
  return { name: fixture.name, expected, actual, differences: compareJson(expected, actual, { tolerance: options.tolerance }) };
}

/** Throws a readable error listing the differences, for any test runner. */
export function assertGoldenWorkflow(result: GoldenWorkflowResult): void {
  if (result.differences.length === 0) return;
  const shown = result.differences.slice(0, 20).map((line) => `  ${line}`).join('\n');
  const more = result.differences.length > 20 ? `\n  ... and ${result.differences.length - 20} more` : '';
  throw new Error(`Golden workflow "${result.name}" differs from its expected output:\n${shown}${more}`);
}
