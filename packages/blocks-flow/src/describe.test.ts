import { transformationsPack } from '@flow/blocks-transformations';
import { createEngine } from '@flow/engine';
import { describe, expect, it } from 'vitest';
import { flowPack } from './pack.js';

const engine = createEngine({ packs: [flowPack, transformationsPack] });

describe('describe', () => {
  it('describes every block with its aliases and a JSON schema of its properties', () => {
    const described = JSON.parse(JSON.stringify(engine.describeBlocks())) as { blocks: Array<{ manifest_type_identifier: string; manifest_type_identifier_aliases: string[]; block_schema: { properties: Record<string, unknown> } }> };
    const byType = new Map(described.blocks.map((block) => [block.manifest_type_identifier, block]));
    expect(byType.get('roboflow_core/continue_if@v1')!.manifest_type_identifier_aliases).toEqual(['ContinueIf']);
    expect(Object.keys(byType.get('roboflow_core/continue_if@v1')!.block_schema.properties)).toEqual(expect.arrayContaining(['condition_statement', 'evaluation_parameters', 'next_steps', 'stop_delay']));
    expect(byType.get('roboflow_core/detections_classes_replacement@v1')!.manifest_type_identifier_aliases).toEqual(['DetectionsClassesReplacement']);
    expect(JSON.stringify(byType.get('roboflow_core/property_definition@v1')!.block_schema.properties.operations)).toContain('DetectionsPropertyExtract');
    expect(() => JSON.stringify(engine.definitionSchema())).not.toThrow();
  });
});
