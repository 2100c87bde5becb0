import { readdirSync, readFileSync } from 'node:fs';
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../create-server.js';

// Every example workflow that uses a vendor VLM block (open_ai v1-v5, anthropic_claude v1-v3, google_gemini v1-v4)
// runs through POST /workflows/run against the fake vendors, with the keys and endpoints from the environment.
const folder = new URL('../../../../examples/workflows/', import.meta.url);
const vendorOf = (type: string) => (/\/open_ai@/.test(type) ? 'openai' : /\/anthropic_claude@/.test(type) ? 'anthropic' : /\/google_gemini@/.test(type) ? 'gemini' : undefined);
const examples = readdirSync(folder)
  .filter((file) => file.endsWith('.workflow.json'))
  .map((file) => ({ file, specification: JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as { steps: Array<{ type: string }> } }))
  .map((example) => ({ ...example, vendor: example.specification.steps.map((step) => vendorOf(step.type)).find(Boolean) }))
  .filter((example): example is typeof example & { vendor: string } => example.vendor !== undefined);
const image = { type: 'base64', value: readFileSync(new URL('pets.png', folder)).toString('base64') };
const keys = { openai: 'sk-example-openai-1234', anthropic: 'sk-ant-example-1234', gemini: 'gm-example-key-1234' };
const answer = '{"class_name": "dog", "confidence": 0.9, "top": "dog", "predicted_classes": ["dog"], "detections": []}';
const fakes: Record<string, FakeVendor> = {};

beforeAll(async () => {
  fakes['openai'] = await startFakeOpenAI({ apiKey: keys.openai, reply: { text: answer } });
  fakes['anthropic'] = await startFakeAnthropic({ apiKey: keys.anthropic, reply: { text: answer } });
  fakes['gemini'] = await startFakeGemini({ apiKey: keys.gemini, reply: { text: answer } });
});
afterAll(async () => {
  await Promise.all(Object.values(fakes).map((fake) => fake.close()));
});

describe('the vendor example workflows through the server', () => {
  it('cover every version of the three vendor blocks', () => {
    const used = new Set(examples.flatMap(({ specification }) => specification.steps.map((step) => step.type)));
    for (const version of [1, 2, 3, 4, 5]) expect(used, `open_ai@v${version}`).toContain(`roboflow_core/open_ai@v${version}`);
    for (const version of [1, 2, 3]) expect(used, `anthropic_claude@v${version}`).toContain(`roboflow_core/anthropic_claude@v${version}`);
    for (const version of [1, 2, 3, 4]) expect(used, `google_gemini@v${version}`).toContain(`roboflow_core/google_gemini@v${version}`);
  });

  it.each(examples.map((example) => [example.file, example] as const))('%s runs against the fake vendor', async (_file, { specification, vendor }) => {
    const env = {
      OPENAI_API_KEY: keys.openai,
      OPENAI_BASE_URL: fakes['openai']!.baseURL,
      ANTHROPIC_API_KEY: keys.anthropic,
      ANTHROPIC_BASE_URL: fakes['anthropic']!.baseURL,
      GEMINI_API_KEY: keys.gemini,
      GEMINI_BASE_URL: fakes['gemini']!.baseURL,
    };
    const app = await createServer({ env, logDestination: false, config: { collectDefaultMetrics: false } });
    try {
      const before = fakes[vendor]!.requests.length;
      const response = await app.inject({ method: 'POST', url: '/workflows/run', payload: { specification, inputs: { image } } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().outputs).toHaveLength(1);
      expect(fakes[vendor]!.requests.length).toBeGreaterThan(before);
      for (const key of Object.values(keys)) expect(response.body).not.toContain(key);
    } finally {
      await app.close();
    }
  });
});
