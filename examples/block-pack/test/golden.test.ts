import { fileURLToPath } from 'node:url';
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { assertGoldenWorkflow, loadGoldenWorkflows, runGoldenWorkflow } from '@flow/engine/testing';
import { describe, expect, it } from 'vitest';
import pack from '../src/index.js';

// Golden workflows: every test/<name>.workflow.json runs with <name>.inputs.json and must answer
// <name>.expected.json (what POST /workflows/run puts in "outputs").
const fixtures = await loadGoldenWorkflows(fileURLToPath(new URL('.', import.meta.url)));
const engine = createEngine({ packs: [formattersPack, pack] });

describe('flow-blocks-class-count golden workflows', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0));
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    assertGoldenWorkflow(await runGoldenWorkflow(engine, fixture));
  });

  it('refuses a min_confidence outside 0..1 when the workflow compiles', () => {
    const definition = structuredClone(fixtures[0]!.definition) as { steps: Array<Record<string, unknown>> };
    definition.steps[1]!.min_confidence = 2;
    expect(() => engine.compile(definition)).toThrow(/min_confidence/);
  });
});
