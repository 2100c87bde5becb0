import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatBody, imageParts, OPENAI_TEST_KEY, pngInput, sentImageWidth, startModelHost, textParts, type ModelHost } from '../test-support/model-host.js';

let host: ModelHost;
beforeAll(async () => {
  host = await startModelHost();
});
afterAll(() => host.close());

const definition = {
  version: '1.0',
  inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'key' }],
  steps: [{ type: 'LMMForClassification', name: 'gpt', images: '$inputs.image', lmm_type: 'gpt_4v', classes: ['cat', 'dog', 'fox'], remote_api_key: '$inputs.key', lmm_config: { max_tokens: 120, gpt_image_detail: 'low' } }],
  outputs: [{ type: 'JsonField', name: 'gpt', selector: '$steps.gpt.*' }],
};

describe('lmm_for_classification@v1 against the OpenAI fake', () => {
  it('classifies a batch of 3 images, one request each, answers in input order', async () => {
    // The answer depends on which image the fake received, so a mix-up of order would show.
    const answers: Record<number, string> = { 30: '{"top": "cat"}', 40: '```json\n{"top": "fox"}\n```', 50: 'I am not sure' };
    host.openai.reply((request) => answers[sentImageWidth(request)] ?? '{"top": "wrong"}');
    const before = host.openai.requests.length;
    const { serialized, usage } = await host.run(definition, { image: [pngInput(30, 20), pngInput(40, 20), pngInput(50, 25)], key: OPENAI_TEST_KEY });

    const requests = host.openai.requests.slice(before);
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      expect(request.path).toBe('/v1/chat/completions');
      expect(request.headers['authorization']).toBe(`Bearer ${OPENAI_TEST_KEY}`);
      const body = chatBody(request);
      expect(body.model).toBe('gpt-4o');
      expect(body.max_tokens ?? body['max_completion_tokens']).toBe(120);
      expect(body.temperature).toBeUndefined();
      expect(imageParts(request)).toHaveLength(1);
      expect(imageParts(request)[0]!.image_url.url).toMatch(/^data:image\/png;base64,/);
      expect(imageParts(request)[0]!.image_url.detail).toBe('low');
      expect(textParts(request)[0]).toContain('["cat","dog","fox"]');
      // Beyond the reference: the answer is constrained to the classes.
      expect(body['response_format']).toMatchObject({ type: 'json_schema', json_schema: { schema: { properties: { top: { enum: ['cat', 'dog', 'fox'] } } } } });
    }
    expect(serialized.map((record) => (record['gpt'] as Record<string, unknown>)['top'])).toEqual(['cat', 'fox', 'not_detected']);
    const first = serialized[0]!['gpt'] as Record<string, unknown>;
    expect(first).toMatchObject({ raw_output: '{"top": "cat"}', prediction_type: 'classification', image: { width: 30, height: 20 } });
    expect(typeof first['parent_id']).toBe('string');
    expect(first['root_parent_id']).toBe(first['parent_id']);
    expect(usage).toHaveLength(3);
    expect(usage[0]).toMatchObject({ step: 'gpt', provider: 'openai', calls: 1 });
    expect(JSON.stringify(serialized)).not.toContain(OPENAI_TEST_KEY);
  });
});

const vectors = JSON.parse(readFileSync(new URL('../__fixtures__/model_blocks_prompts_and_requests.json', import.meta.url), 'utf8')) as {
  lmm_for_classification_v1: { block_runs: Array<{ mode: string; classes: string[]; model_responses: string[]; outputs: Array<Record<string, unknown>> }> };
};

describe('lmm_for_classification@v1 block runs (model_blocks_prompts_and_requests.json)', () => {
  const run = vectors.lmm_for_classification_v1.block_runs[0]!;
  it.each(run.model_responses.map((response, index) => [response, run.outputs[index]!] as const))('answer %j', async (response, expected) => {
    host.openai.enqueue(response);
    const definition = { ...lmmClassifierDefinition(run.classes) };
    const { serialized } = await host.run(definition, { image: pngInput(168, 192), key: OPENAI_TEST_KEY });
    const record = serialized[0]!['gpt'] as Record<string, unknown>;
    expect({ raw_output: record['raw_output'], top: record['top'], prediction_type: record['prediction_type'], image: record['image'] }).toEqual({
      raw_output: expected['raw_output'],
      top: expected['top'],
      prediction_type: expected['prediction_type'],
      image: expected['image'],
    });
  });
});

function lmmClassifierDefinition(classes: string[]) {
  return { ...definition, steps: [{ ...definition.steps[0]!, classes }] };
}
