import { makePng, startFakeOpenAI, startFakeOpenRouter, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../create-server.js';

const OPENAI_KEY = 'sk-server-test-openai-42';
const OPENROUTER_KEY = 'sk-or-server-test-42';
let openai: FakeVendor;
let openrouter: FakeVendor;
beforeAll(async () => {
  openai = await startFakeOpenAI({ apiKey: OPENAI_KEY, reply: { text: '{"top": "dog"}', usage: { inputTokens: 120, outputTokens: 7 } } });
  openrouter = await startFakeOpenRouter({ apiKey: OPENROUTER_KEY, reply: { text: '{"class_name": "cat", "confidence": 0.7}', usage: { inputTokens: 50, outputTokens: 9 } } });
});
afterAll(async () => {
  await Promise.all([openai.close(), openrouter.close()]);
});

const image = { type: 'base64', value: makePng(40, 30).toString('base64') };

describe('the server wires the model providers by default', () => {
  it('POST /workflows/run runs LMM for classification and Llama -> vlm_as_classifier against the fakes, and counts tokens in /metrics', async () => {
    const env = { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: openai.baseURL, OPENROUTER_BASE_URL: openrouter.baseURL, OPENROUTER_API_KEY: OPENROUTER_KEY };
    const app = await createServer({ env, logDestination: false, config: { collectDefaultMetrics: false } });
    try {
      const specification = {
        version: '1.0',
        inputs: [{ type: 'WorkflowImage', name: 'image' }],
        steps: [
          { type: 'LMMForClassification', name: 'gpt', images: '$inputs.image', lmm_type: 'gpt_4v', classes: ['cat', 'dog'] },
          { type: 'roboflow_core/llama_vision@v2', name: 'llama', images: '$inputs.image', task_type: 'classification', classes: ['cat', 'dog'] },
          { type: 'roboflow_core/vlm_as_classifier@v2', name: 'parser', image: '$inputs.image', vlm_output: '$steps.llama.output', classes: '$steps.llama.classes' },
        ],
        outputs: [
          { type: 'JsonField', name: 'gpt_top', selector: '$steps.gpt.top' },
          { type: 'JsonField', name: 'llama', selector: '$steps.parser.predictions' },
        ],
      };
      const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification, inputs: { image } } });
      expect(response.statusCode, response.body).toBe(200);
      const [result] = response.json().outputs;
      expect(result.gpt_top).toBe('dog');
      expect(result.llama.top).toBe('cat');
      expect(openai.requests.at(-1)!.headers['authorization']).toBe(`Bearer ${OPENAI_KEY}`);
      expect(openrouter.requests.at(-1)!.headers['authorization']).toBe(`Bearer ${OPENROUTER_KEY}`);

      const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metrics).toMatch(/flow_model_tokens_total\{provider="openai",model="gpt-4o",direction="input"\} 120/);
      expect(metrics).toMatch(/flow_model_tokens_total\{provider="openai",model="gpt-4o",direction="output"\} 7/);
      expect(metrics).toMatch(/flow_model_tokens_total\{provider="openrouter",model="meta-llama\/llama-3.2-11b-vision-instruct",direction="input"\} 50/);
      expect(metrics).not.toContain(OPENAI_KEY);
    } finally {
      await app.close();
    }
  });

  it('a missing key is a 500-class step error naming the step and variable, without a request', async () => {
    const app = await createServer({ env: { OPENAI_BASE_URL: openai.baseURL }, logDestination: false, config: { collectDefaultMetrics: false } });
    try {
      const before = openai.requests.length;
      const specification = {
        version: '1.0',
        inputs: [{ type: 'WorkflowImage', name: 'image' }],
        steps: [{ type: 'LMM', name: 'lmm', images: '$inputs.image', lmm_type: 'gpt_4v', prompt: 'hi' }],
        outputs: [{ type: 'JsonField', name: 'raw', selector: '$steps.lmm.raw_output' }],
      };
      const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification, inputs: { image } } });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.body).toMatch(/OPENAI_API_KEY/);
      expect(response.body).toMatch(/lmm/);
      expect(openai.requests.length).toBe(before);
    } finally {
      await app.close();
    }
  });
});

describe('the foundation blocks in describe endpoints', () => {
  it('POST /workflows/blocks/dynamic_outputs lists LMM json_output keys and json_parser fields as outputs of kind *', async () => {
    const app = await createServer({ env: {}, logDestination: false, config: { collectDefaultMetrics: false } });
    try {
      const lmm = await app.inject({ method: 'POST', url: '/workflows/blocks/dynamic_outputs', payload: { type: 'LMM', name: 'lmm', images: '$inputs.image', lmm_type: 'gpt_4v', prompt: 'p', json_output: { count: 'how many', colour: 'which' } } });
      expect(lmm.statusCode, lmm.body).toBe(200);
      const outputs = lmm.json() as Array<{ name: string; kind: Array<{ name: string }> }>;
      expect(outputs.map((output) => output.name)).toEqual(['parent_id', 'root_parent_id', 'image', 'structured_output', 'raw_output', 'count', 'colour']);
      expect(outputs.at(-1)!.kind.map((kind) => kind.name)).toEqual(['*']);
      const parser = await app.inject({ method: 'POST', url: '/workflows/blocks/dynamic_outputs', payload: { type: 'roboflow_core/json_parser@v1', name: 'p', raw_json: '$steps.lmm.raw_output', expected_fields: ['a'] } });
      expect((parser.json() as Array<{ name: string }>).map((output) => output.name)).toEqual(['error_status', 'a']);
      const described = await app.inject({ method: 'POST', url: '/workflows/blocks/describe' });
      const blocks = (described.json() as { blocks: Array<{ manifest_type_identifier: string; outputs_manifest: Array<{ name: string }> }> }).blocks;
      const types = blocks.map((block) => block.manifest_type_identifier);
      for (const type of ['roboflow_core/lmm@v1', 'roboflow_core/lmm_for_classification@v1', 'roboflow_core/llama_3_2_vision@v1', 'roboflow_core/llama_vision@v2', 'roboflow_core/json_parser@v1', 'flow/vllm_classifier@v1']) expect(types).toContain(type);
      expect(blocks.find((block) => block.manifest_type_identifier === 'roboflow_core/lmm@v1')!.outputs_manifest.map((output) => output.name)).toContain('*');
    } finally {
      await app.close();
    }
  });
});
