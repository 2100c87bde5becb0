import { createEngine } from '@flow/engine';
import { assertGoldenWorkflow, loadGoldenWorkflows, runGoldenWorkflow } from '@flow/engine/testing';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import pack from '../index.js';

// How a pack author tests blocks: golden workflows run by the engine's harness.
const fixtures = await loadGoldenWorkflows(fileURLToPath(new URL('.', import.meta.url)));
const engine = createEngine({ packs: [pack] });

describe('flow-blocks-text golden workflows', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    assertGoldenWorkflow(await runGoldenWorkflow(engine, fixture));
  });
});
