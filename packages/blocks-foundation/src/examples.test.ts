import { readdirSync, readFileSync } from 'node:fs';
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { describe, expect, it } from 'vitest';
import { foundationPack } from './pack.js';

const folder = new URL('../../../examples/workflows/', import.meta.url);
const engine = createEngine({ packs: [foundationPack, formattersPack] });
const ours = new Set(foundationPack.blocks.flatMap((block) => [block.type, ...(block.aliases ?? [])]));

const examples = readdirSync(folder)
  .filter((file) => file.endsWith('.workflow.json'))
  .map((file) => ({ file, definition: JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as { steps: Array<{ type: string }> } }))
  .filter(({ definition }) => definition.steps.some((step) => ours.has(step.type)));

describe('examples/workflows using the foundation blocks', () => {
  it('has one for every block', () => {
    const used = new Set(examples.flatMap(({ definition }) => definition.steps.map((step) => step.type)));
    for (const block of foundationPack.blocks) expect([block.type, ...(block.aliases ?? [])].some((id) => used.has(id)), block.type).toBe(true);
  });

  it.each(examples.map(({ file, definition }) => [file, definition] as const))('%s compiles and has its inputs file', (file, definition) => {
    expect(() => engine.compile(definition)).not.toThrow();
    expect(() => readFileSync(new URL(file.replace('.workflow.json', '.inputs.json'), folder), 'utf8')).not.toThrow();
  });
});
