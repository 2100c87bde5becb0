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
