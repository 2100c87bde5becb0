import { fileURLToPath } from 'node:url';
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { assertGoldenWorkflow, loadGoldenWorkflows, runGoldenWorkflow } from '@flow/engine/testing';
import { describe, it } from 'vitest';
import { flowPack } from './pack.js';

const engine = createEngine({ packs: [flowPack, formattersPack] });
const fixtures = await loadGoldenWorkflows(fileURLToPath(new URL('../golden', import.meta.url)));

describe('golden workflows', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    assertGoldenWorkflow(await runGoldenWorkflow(engine, fixture));
  });
});
