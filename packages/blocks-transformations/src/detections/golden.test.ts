import { fileURLToPath } from 'node:url';
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine, defineBlockPack } from '@flow/engine';
import { assertGoldenWorkflow, loadGoldenWorkflows, runGoldenWorkflow, testBlocksPack } from '@flow/engine/testing';
import { describe, it } from 'vitest';
import { transformationsPack } from '../pack.js';
import { detectionsBlocks } from './index.js';

const detectionsPack = defineBlockPack({ name: 'roboflow_core_detections', apiVersion: 1, blocks: detectionsBlocks });
const engine = createEngine({ packs: [transformationsPack, detectionsPack, formattersPack, testBlocksPack] });
const fixtures = await loadGoldenWorkflows(fileURLToPath(new URL('../../golden-detections', import.meta.url)));

describe('golden workflows of the detections blocks', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    assertGoldenWorkflow(await runGoldenWorkflow(engine, fixture));
  });
});
