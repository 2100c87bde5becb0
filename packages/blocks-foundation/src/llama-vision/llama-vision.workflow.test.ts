import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBody, imageParts, OPENROUTER_TEST_KEY, pngInput, sentImageWidth, startModelHost, textParts, type ModelHost } from '../test-support/model-host.js';

const vectors = JSON.parse(readFileSync(new URL('../__fixtures__/model_blocks_prompts_and_requests.json', import.meta.url), 'utf8')) as {
  llama_vision_v1: { model_version_mapping: Record<string, string>; request_example: { calls: Array<{ model: string; max_tokens: number; temperature: number }> } };
  llama_vision_v2: { model_version_mapping: Record<string, string>; provider_routing: Record<string, unknown>; required_field_errors_when_all_missing: Record<string, string | null> };
};

let host: ModelHost;
beforeAll(async () => {
  host = await startModelHost();
});
afterAll(() => host.close());

function llamaWorkflow(step: Record<string, unknown>, extraSteps: unknown[] = [], outputs?: unknown[]) {
  return {
    version: '1.0',
    inputs: [{ type: 'WorkflowImage', name: 'image' }],
    steps: [{ type: 'roboflow_core/llama_vision@v2', name: 'llama', images: '$inputs.image', api_key: OPENROUTER_TEST_KEY, ...step }, ...extraSteps],
    outputs: outputs ?? [{ type: 'JsonField', name: 'llama', selector: '$steps.llama.*' }],
  };
}

describe('llama vision against the OpenRouter fake', () => {
  it('classification -> vlm_as_classifier@v1: request parameters, image part, key header and the parsed prediction', async () => {
    host.openrouter.reply((request) => (sentImageWidth(request) === 30 ? '```json\n{"class_name": "dog", "confidence": 0.8}\n```' : '{"class_name": "cat", "confidence": 0.6}'));
    const before = host.openrouter.requests.length;
    const definition = {
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'roboflow_core/llama_3_2_vision@v1', name: 'llama', images: '$inputs.image', task_type: 'classification', classes: ['cat', 'dog'], api_key: OPENROUTER_TEST_KEY, model_version: '90B (Regular) - OpenRouter' },
        { type: 'roboflow_core/vlm_as_classifier@v1', name: 'parser', image: '$inputs.image', vlm_output: '$steps.llama.output', classes: '$steps.llama.classes' },
      ],
      outputs: [
        { type: 'JsonField', name: 'top', selector: '$steps.parser.predictions' },
        { type: 'JsonField', name: 'error', selector: '$steps.parser.error_status' },
      ],
    };
    const { serialized, usage } = await host.run(definition, { image: [pngInput(30, 20), pngInput(40, 20)] });
    const requests = host.openrouter.requests.slice(before);
    expect(requests).toHaveLength(2);
    const expectedCall = vectors.llama_vision_v1.request_example.calls[0]!;
    for (const request of requests) {
      expect(request.path).toBe('/api/v1/chat/completions');
      expect(request.headers['authorization']).toBe(`Bearer ${OPENROUTER_TEST_KEY}`);
      const body = chatBody(request);
      expect(body.model).toBe(expectedCall.model);
      expect(body.max_tokens).toBe(expectedCall.max_tokens);
      expect(body.temperature).toBe(expectedCall.temperature);
      expect(body['provider']).toBeUndefined();
      expect(body.messages[0]!.role).toBe('system');
      expect(textParts(request)).toEqual(['Classes: cat, dog']);
      expect(imageParts(request)).toHaveLength(1);
      expect(imageParts(request)[0]!.image_url.url).toMatch(/^data:image\/png;base64,/);
    }
    expect(serialized.map((record) => (record['top'] as { top: string }).top)).toEqual(['dog', 'cat']);
    expect(serialized[0]!['top']).toMatchObject({ confidence: 0.8, image: { width: 30, height: 20 } });
    expect(serialized.map((record) => record['error'])).toEqual([false, false]);
    expect(usage.filter((record) => record['step'] === 'llama')).toHaveLength(2);
  });

  it('structured-answering -> json_parser@v1', async () => {
    host.openrouter.reply('Here it is:\n```json\n{"count": 3, "colour": "red"}\n```');
    const before = host.openrouter.requests.length;
    const definition = llamaWorkflow(
      { task_type: 'structured-answering', output_structure: { count: 'how many cars', colour: 'their main colour' } },
      [{ type: 'roboflow_core/json_parser@v1', name: 'fields', raw_json: '$steps.llama.output', expected_fields: ['count', 'colour', 'make'] }],
      [{ type: 'JsonField', name: 'fields', selector: '$steps.fields.*' }],
    );
    const { serialized } = await host.run(definition, { image: pngInput(30, 20) });
    expect(serialized[0]!['fields']).toEqual({ count: 3, colour: 'red', make: null, error_status: true });
    const body = chatBody(host.openrouter.requests[before]!);
    expect(textParts(host.openrouter.requests[before]!)[0]).toContain('"count": "how many cars"');
    // v2 defaults: the managed privacy level `deny` becomes OpenRouter provider routing.
    expect(body['provider']).toEqual(vectors.llama_vision_v2.provider_routing['deny']);
    expect(body.model).toBe(vectors.llama_vision_v2.model_version_mapping['11B - OpenRouter']);
  });

  it('v2 object-detection -> vlm_as_detector@v2 (normalised boxes)', async () => {
    host.openrouter.reply('```json\n{"detections": [{"x_min": 0.1, "y_min": 0.2, "x_max": 0.5, "y_max": 0.6, "class_name": "car", "confidence": 0.9}]}\n```');
    const definition = llamaWorkflow(
      { task_type: 'object-detection', classes: ['car', 'bike'], privacy_level: 'zdr' },
      [{ type: 'roboflow_core/vlm_as_detector@v2', name: 'detector', image: '$inputs.image', vlm_output: '$steps.llama.output', classes: '$steps.llama.classes', model_type: 'openai', task_type: 'object-detection' }],
      [{ type: 'JsonField', name: 'predictions', selector: '$steps.detector.predictions' }],
    );
    const before = host.openrouter.requests.length;
    const { serialized } = await host.run(definition, { image: pngInput(200, 100) });
    const predictions = serialized[0]!['predictions'] as { image: unknown; predictions: Array<Record<string, unknown>> };
    expect(predictions.image).toEqual({ width: 200, height: 100 });
    expect(predictions.predictions).toHaveLength(1);
    expect(predictions.predictions[0]).toMatchObject({ class: 'car', class_id: 0, confidence: 0.9, x: 60, y: 40, width: 80, height: 40 });
    expect(chatBody(host.openrouter.requests[before]!)['provider']).toEqual(vectors.llama_vision_v2.provider_routing['zdr']);
  });

  it.each(Object.entries(vectors.llama_vision_v1.model_version_mapping))('v1 model_version %s is sent as %s', async (label, modelId) => {
    host.openrouter.reply('A caption.');
    const before = host.openrouter.requests.length;
    const definition = llamaWorkflow({ type: 'roboflow_core/llama_3_2_vision@v1', task_type: 'caption', model_version: label, max_tokens: 300, temperature: 0.5 });
    const { serialized } = await host.run(definition, { image: pngInput(30, 20) });
    expect(serialized[0]!['llama']).toEqual({ output: 'A caption.', classes: null });
    const body = chatBody(host.openrouter.requests[before]!);
    expect(body).toMatchObject({ model: modelId, max_tokens: 300, temperature: 0.5 });
    expect(body['provider']).toBeUndefined();
    expect(textParts(host.openrouter.requests[before]!)).toEqual([]);
  });

  it('v2 privacy_level allow adds no provider routing', async () => {
    host.openrouter.reply('text');
    const before = host.openrouter.requests.length;
    await host.run(llamaWorkflow({ task_type: 'ocr', privacy_level: 'allow' }), { image: pngInput(30, 20) });
    expect(chatBody(host.openrouter.requests[before]!)['provider']).toBeUndefined();
  });
});

describe('llama vision compile-time rules', () => {
  const compile = (step: Record<string, unknown>) => () => host.engine.compile(llamaWorkflow(step));

  it.each(Object.entries(vectors.llama_vision_v2.required_field_errors_when_all_missing))('task %s without its field', (task, message) => {
    const step = { task_type: task, prompt: undefined };
    if (message === null) expect(compile(step)).not.toThrow();
    else expect(compile(step)).toThrow(message);
  });

  it('v1 has the same rules, and no object-detection task', () => {
    expect(compile({ type: 'roboflow_core/llama_3_2_vision@v1', task_type: 'classification' })).toThrow('`classes` parameter required to be set for task `classification`');
    expect(compile({ type: 'roboflow_core/llama_3_2_vision@v1', task_type: 'object-detection', classes: ['a'] })).toThrow(/task_type/);
  });

  it('temperature must be within [0, 2]', () => {
    expect(compile({ prompt: 'describe', temperature: 5 })).toThrow("'temperature' parameter required to be in range [0.0, 2.0]");
    expect(compile({ prompt: 'describe', temperature: -0.1 })).toThrow("'temperature' parameter required to be in range [0.0, 2.0]");
    expect(compile({ prompt: 'describe', temperature: 2 })).not.toThrow();
  });

  it('max_tokens must be above 1 and model_version one of the labels', () => {
    expect(compile({ prompt: 'describe', max_tokens: 1 })).toThrow(/max_tokens/);
    expect(compile({ prompt: 'describe', model_version: '90B (Regular) - OpenRouter' })).toThrow(/model_version/);
  });

  it('v1 requires api_key; v2 defaults it to the managed placeholder and privacy to deny', async () => {
    const { llama32VisionV1 } = await import('./v1.js');
    const { llamaVisionV2 } = await import('./v2.js');
    expect(llama32VisionV1.manifest.safeParse({ images: '$inputs.image', prompt: 'describe' }).success).toBe(false);
    expect(llamaVisionV2.manifest.parse({ images: '$inputs.image', prompt: 'describe' })).toMatchObject({ api_key: 'rf_key:account', privacy_level: 'deny', model_version: '11B - OpenRouter', max_tokens: 500, temperature: 0.1, task_type: 'unconstrained' });
  });
});
