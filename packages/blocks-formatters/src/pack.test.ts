import { createEngine } from '@flow/engine';
import { describe, expect, it } from 'vitest';
import { formattersPack } from './pack.js';
import { pngHeader } from './test-support/test-image.js';

const engine = createEngine({ packs: [formattersPack] });

const definition = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'answer', kind: ['language_model_output'] },
  ],
  steps: [
    {
      type: 'roboflow_core/vlm_as_detector@v2',
      name: 'detector',
      image: '$inputs.image',
      vlm_output: '$inputs.answer',
      classes: ['cat', 'dog'],
      model_type: 'google-gemini',
      task_type: 'object-detection',
    },
    { type: 'roboflow_core/vlm_as_classifier@v2', name: 'classifier', image: '$inputs.image', vlm_output: '$inputs.answer', classes: ['cat', 'dog'] },
  ],
  outputs: [
    { type: 'JsonField', name: 'predictions', selector: '$steps.detector.predictions' },
    { type: 'JsonField', name: 'detector_error', selector: '$steps.detector.error_status' },
    { type: 'JsonField', name: 'classifier_error', selector: '$steps.classifier.error_status' },
  ],
};

describe('formattersPack in the engine', () => {
  it('registers, compiles and runs a workflow, and serialises its detections', async () => {
    const workflow = engine.compile(definition);
    const image = { type: 'base64', value: Buffer.from(pngHeader(200, 100)).toString('base64') };
    const outputs = await workflow.run({ image, answer: '```json\n[{"box_2d": [0, 0, 500, 250], "label": "dog"}]\n```' });
    const [serialized] = workflow.serialize(outputs);
    expect(serialized).toEqual({
      predictions: {
        image: { width: 200, height: 100 },
        predictions: [{ width: 50, height: 50, x: 25, y: 25, confidence: 1, class_id: 1, class: 'dog', detection_id: expect.any(String), parent_id: 'image' }],
      },
      detector_error: false,
      classifier_error: true,
    });
  });

  it('reports the reference validation messages at compile time', () => {
    const invalid = { ...definition, steps: [{ ...definition.steps[0]!, classes: null }] };
    const result = engine.validate(invalid);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(!result.ok && result.problems)).toContain('Must pass list of classes to this block for every model type except florence-2');
  });

  it('describes the blocks with their metadata', () => {
    const described = engine.describeBlocks().blocks.filter((block) => block.manifest_type_identifier.includes('vlm_as_'));
    expect(described.map((block) => [block.manifest_type_identifier, block.execution_engine_compatibility, block.block_schema.block_type])).toEqual([
      ['roboflow_core/vlm_as_detector@v1', '>=1.3.0,<2.0.0', 'formatter'],
      ['roboflow_core/vlm_as_detector@v2', '>=1.3.0,<2.0.0', 'formatter'],
      ['roboflow_core/vlm_as_classifier@v1', '>=1.3.0,<2.0.0', 'formatter'],
      ['roboflow_core/vlm_as_classifier@v2', '>=1.3.0,<2.0.0', 'formatter'],
    ]);
    expect(described[1]!.outputs_manifest.map((output) => [output.name, output.kind.map((kind) => kind.name)])).toEqual([
      ['error_status', ['boolean']],
      ['predictions', ['object_detection_prediction']],
      ['inference_id', ['inference_id']],
    ]);
  });
});
