import { fileURLToPath } from 'node:url';
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { assertGoldenWorkflow, loadGoldenWorkflows, runGoldenWorkflow, testBlocksPack } from '@flow/engine/testing';
import { describe, it } from 'vitest';
import { transformationsPack } from '../pack.js';

const engine = createEngine({ packs: [transformationsPack, formattersPack, testBlocksPack] });
const fixtures = await loadGoldenWorkflows(fileURLToPath(new URL('../../golden-detections', import.meta.url)));

describe('golden workflows of the detections blocks', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    assertGoldenWorkflow(await runGoldenWorkflow(engine, fixture));
  });
});
