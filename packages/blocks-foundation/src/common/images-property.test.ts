import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { describe, expect, it } from 'vitest';
import { foundationPack } from '../pack.js';

const engine = createEngine({ packs: [foundationPack, formattersPack] });
const imageBlocks = foundationPack.blocks.filter((block) => block.propertyAliases?.['image'] === 'images');

describe('`images` with its alias `image` on the foundation model blocks', () => {
  it('every model block that sends images takes `image` for `images`', () => {
    expect(imageBlocks.map((block) => block.type)).toEqual(
      expect.arrayContaining(['roboflow_core/open_ai@v1', 'roboflow_core/open_ai@v5', 'roboflow_core/anthropic_claude@v1', 'roboflow_core/google_gemini@v4', 'roboflow_core/lmm@v1', 'roboflow_core/llama_3_2_vision@v1']),
    );
  });

  it('describe lists `images` alone, as the reference does', () => {
    const described = engine.describeBlocks().blocks as unknown as Array<{ manifest_type_identifier: string; block_schema: { properties: Record<string, unknown> } }>;
    for (const block of imageBlocks) {
      const properties = described.find((entry) => entry.manifest_type_identifier === block.type)!.block_schema.properties;
      expect(Object.keys(properties), block.type).toContain('images');
      expect(Object.keys(properties), block.type).not.toContain('image');
    }
  });

  it('a step may use either name; given both, `images` is the one bound (Pydantic takes the first alias)', () => {
    const step = (properties: Record<string, string>) => ({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'first' }, { type: 'WorkflowImage', name: 'second' }],
      steps: [{ type: 'roboflow_core/google_gemini@v3', name: 'gemini', task_type: 'caption', ...properties }],
      outputs: [{ type: 'JsonField', name: 'caption', selector: '$steps.gemini.output' }],
    });
    const boundTo = (properties: Record<string, string>) => JSON.stringify(engine.compile(step(properties)).plan.steps[0]);
    expect(boundTo({ image: '$inputs.first' })).toContain('first');
    const both = boundTo({ images: '$inputs.first', image: '$inputs.second' });
    expect(both).toContain('first');
    expect(both).not.toContain('second');
    expect(engine.validate(step({}))).toMatchObject({ ok: false, problems: [expect.objectContaining({ message: expect.stringContaining('`images` is required') })] });
  });
});
