import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareJson, loadGoldenWorkflows, normalizeOutputs, type GoldenWorkflowFixture } from '@flow/engine/testing';
import { describe, expect, it } from 'vitest';
import { createServer } from '../create-server.js';
import { defaultBlockPacks } from '../default-packs.js';

// The flow-control, crop, slicing and detections golden workflows of the block packages, sent through
// POST /workflows/run of a server with its default packs: what the library answers, the server answers.
const folders = ['../../../../packages/blocks-flow/golden', '../../../../packages/blocks-transformations/golden', '../../../../packages/blocks-transformations/golden-detections'];
const served = new Set(defaultBlockPacks.flatMap((pack) => pack.blocks.flatMap((block) => [block.type, ...(block.aliases ?? [])])));
const fixtures = (await Promise.all(folders.map((folder) => loadGoldenWorkflows(fileURLToPath(new URL(folder, import.meta.url)))))).flat();
const servable = fixtures.filter((fixture) => (fixture.definition as { steps: Array<{ type: string }> }).steps.every((step) => served.has(step.type)));

/** `{"type": "file"}` images of a fixture become base64, as a remote client would send them. */
function wireInputs(fixture: GoldenWorkflowFixture): Record<string, unknown> {
  const toWire = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(toWire);
    if (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'file') {
      return { type: 'base64', value: readFileSync(new URL((value as { value: string }).value, `file://${fixture.directory}/`)).toString('base64') };
    }
    return value;
  };
  return Object.fromEntries(Object.entries(fixture.inputs).map(([name, value]) => [name, toWire(value)]));
}

describe('golden workflows of the flow and transformation packs through the server', () => {
  it('has fixtures the server can run', () => {
    expect(servable.length).toBeGreaterThanOrEqual(6);
  });

  it.each(servable.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const app = await createServer({ env: {}, logDestination: false, config: { collectDefaultMetrics: false } });
    try {
      const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification: fixture.definition, inputs: wireInputs(fixture) } });
      expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
      expect(compareJson(normalizeOutputs(fixture.expected), normalizeOutputs(response.json().outputs))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
