import { describe, expect, it } from 'vitest';
import { engineWith } from './test-support/workflows.js';
import { vendorBlocks } from './index.js';

const engine = engineWith();
const described = engine.describeBlocks().blocks;
const byType = new Map(described.map((block) => [block.manifest_type_identifier, block]));

describe('the twelve vendor blocks as editors and clients see them', () => {
  it('are all exported, in order', () => {
    expect(vendorBlocks.map((block) => block.type)).toEqual([
      ...[1, 2, 3, 4, 5].map((v) => `roboflow_core/open_ai@v${v}`),
      ...[1, 2, 3].map((v) => `roboflow_core/anthropic_claude@v${v}`),
      ...[1, 2, 3, 4].map((v) => `roboflow_core/google_gemini@v${v}`),
    ]);
  });

  it('describe their outputs, task types and recommended parsers per version', () => {
    const v1 = byType.get('roboflow_core/google_gemini@v1')!;
    expect(v1.outputs_manifest.map((output) => [output.name, output.kind.map((kind) => kind.name)])).toEqual([
      ['output', ['string', 'language_model_output']],
      ['classes', ['list_of_values']],
    ]);
    const schema = (type: string) => byType.get(type)!.block_schema as { properties: Record<string, any>; block_type: string };
    expect(schema('roboflow_core/google_gemini@v1').properties['task_type']).toMatchObject({
      default: 'unconstrained',
      recommended_parsers: { 'object-detection': 'roboflow_core/vlm_as_detector@v1', classification: 'roboflow_core/vlm_as_classifier@v1' },
    });
    expect(schema('roboflow_core/google_gemini@v4').properties['task_type'].values_metadata['object-detection'].name).toBe('Object Detection');
    expect(schema('roboflow_core/google_gemini@v3').properties['task_type'].values_metadata['object-detection'].name).toBe('Unprompted Object Detection');
    expect(schema('roboflow_core/open_ai@v3').properties['task_type'].enum ?? schema('roboflow_core/open_ai@v3').properties['task_type'].anyOf).not.toContain('object-detection');
    expect(schema('roboflow_core/open_ai@v5').properties['task_type'].recommended_parsers['object-detection']).toBe('roboflow_core/vlm_as_detector@v2');
    expect(schema('roboflow_core/anthropic_claude@v3').block_type).toBe('model');
    expect(JSON.stringify(schema('roboflow_core/open_ai@v5').properties['model_version'])).toContain('GPT-5.6 Sol');
  });

  it('open_ai@v1 computes its outputs from json_output_format', () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [{ type: 'OpenAI', name: 'gpt', image: '$inputs.image', prompt: 'x', json_output_format: { count: 'n', colour: 'c' } }],
      outputs: [{ type: 'JsonField', name: 'colour', selector: '$steps.gpt.colour' }],
    });
    expect(Object.keys(workflow.plan.steps[0]!.outputs)).toEqual(['parent_id', 'root_parent_id', 'image', 'structured_output', 'raw_output', 'count', 'colour']);
  });
});
