import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { testBlocksPack } from '../testing/test-blocks.js';

const engine = createEngine({ packs: [testBlocksPack] });

describe('describeBlocks', () => {
  const description = engine.describeBlocks();
  const upper = description.blocks.find((block) => block.manifest_type_identifier === 'test/upper@v1')!;

  it('has the reference document shape', () => {
    expect(Object.keys(description)).toEqual(['blocks', 'declared_kinds', 'kinds_connections', 'primitives_connections', 'universal_query_language_description', 'dynamic_block_definition_schema']);
    expect(Object.keys(upper)).toEqual([
      'block_schema', 'outputs_manifest', 'block_source', 'fully_qualified_block_class_name', 'human_friendly_block_name', 'manifest_type_identifier',
      'manifest_type_identifier_aliases', 'execution_engine_compatibility', 'restrictions', 'input_dimensionality_offsets', 'dimensionality_reference_property', 'output_dimensionality_offset',
    ]);
    expect(upper.manifest_type_identifier_aliases).toEqual(['Upper']);
    expect(upper.outputs_manifest).toEqual([{ name: 'text', kind: [expect.objectContaining({ name: 'string', serialised_data_type: 'str' })] }]);
  });

  it('puts selector markers and block metadata in the JSON schema', () => {
    const schema = upper.block_schema as { properties: Record<string, { anyOf: Array<Record<string, unknown>> }>; required: string[]; block_type: string };
    expect(schema.block_type).toBe('transformation');
    expect(schema.required).toEqual(['type', 'name', 'text']);
    const [reference, literal] = schema.properties.text!.anyOf;
    expect(reference).toMatchObject({ type: 'string', reference: true, selected_element: 'any_data', kind: [expect.objectContaining({ name: 'string' }), expect.objectContaining({ name: 'language_model_output' })] });
    expect(literal).toEqual({ type: 'string' });
  });

  it('lists kind and primitive connections', () => {
    expect(description.kinds_connections.image!.map((connection) => connection.manifest_type_identifier)).toContain('test/image_size@v1');
    expect(description.primitives_connections).toContainEqual(expect.objectContaining({ manifest_type_identifier: 'test/upper@v1', property_name: 'times', type_annotation: 'int' }));
    expect(description.primitives_connections.some((connection) => connection.property_name === 'image')).toBe(false);
  });

  it('describes the kinds of every block and the core', () => {
    const names = description.declared_kinds.map((kind) => kind.name);
    expect(names).toContain('object_detection_prediction');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('dimensionality in describe', () => {
  it('reports each block\'s input offsets, reference property and output offset', () => {
    const blocks = new Map(engine.describeBlocks().blocks.map((block) => [block.manifest_type_identifier, block]));
    expect(blocks.get('test/join@v1')).toMatchObject({ input_dimensionality_offsets: { prefix: 0, items: 1 }, dimensionality_reference_property: 'prefix', output_dimensionality_offset: 0 });
    expect(blocks.get('test/strips@v1')).toMatchObject({ input_dimensionality_offsets: {}, dimensionality_reference_property: null, output_dimensionality_offset: 1 });
    expect(blocks.get('test/gather@v1')!.output_dimensionality_offset).toBe(-1);
  });
});

describe('definitionSchema', () => {
  it('is a JSON Schema whose steps accept every registered block type', () => {
    const schema = engine.definitionSchema() as { properties: Record<string, unknown>; required: string[]; $defs: object };
    expect(schema.required).toEqual(['version', 'inputs', 'steps', 'outputs']);
    expect(schema.$defs).toBeDefined();
    const text = JSON.stringify(schema);
    for (const block of testBlocksPack.blocks) expect(text).toContain(block.type);
    expect(text).toContain('InferenceImage');
  });
});

describe('describeInterface', () => {
  it('reports the kinds inputs are used as and the kinds of outputs', () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'prompt' }, { type: 'WorkflowParameter', name: 'unused' }],
      steps: [{ type: 'test/describe_batch@v1', name: 'vlm', images: '$inputs.image', prompt: '$inputs.prompt' }],
      outputs: [{ type: 'JsonField', name: 'answer', selector: '$steps.vlm.output' }, { type: 'JsonField', name: 'all', selector: '$steps.vlm.*' }],
    });
    const description = workflow.describeInterface();
    expect(description.inputs).toEqual({ image: ['image'], prompt: ['string'], unused: ['*'] });
    expect(description.outputs).toEqual({ answer: ['string', 'language_model_output'], all: { output: ['string', 'language_model_output'], batch_size: ['integer'] } });
    expect(description.typing_hints).toMatchObject({ image: 'dict', string: 'str', integer: 'int' });
    expect(description.kinds_schemas.image).toMatchObject({ type: 'object' });
  });
});

describe('selector options', () => {
  it('carry a title and description into the JSON schema while staying selectors', async () => {
    const { z } = await import('zod');
    const { stringKind } = await import('@flow/kinds');
    const { selector, literalOrSelector, findPropertySelectors } = await import('../block/selectors.js');
    const titled = selector([stringKind], { title: 'VLM Output', description: 'The answer.' });
    const either = literalOrSelector(z.string(), [stringKind], { title: 'Prompt' });
    expect(findPropertySelectors(titled)?.kinds).toEqual(new Set(['string']));
    expect(findPropertySelectors(either)?.literal).toBeDefined();
    expect(z.toJSONSchema(z.object({ titled, either }))).toMatchObject({ properties: { titled: { title: 'VLM Output', description: 'The answer.', reference: true }, either: { title: 'Prompt' } } });
  });
});
