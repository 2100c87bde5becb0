import { readFile } from 'node:fs/promises';
import { createAnthropic } from '@flow/providers-anthropic';
import { createGemini } from '@flow/providers-gemini';
import { createOpenAI } from '@flow/providers-openai';
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenEngine, registryFor } from './test-support/golden.js';

const examples = new URL('../../../../examples/workflows/', import.meta.url);
const readJson = async (name: string) => JSON.parse(await readFile(new URL(name, examples), 'utf8')) as Record<string, any>;

let fakes: Record<'openai' | 'anthropic' | 'gemini', FakeVendor>;
let providers: ReturnType<typeof registryFor>;
beforeAll(async () => {
  const [openai, anthropic, gemini] = await Promise.all([startFakeOpenAI(), startFakeAnthropic(), startFakeGemini()]);
  fakes = { openai: openai!, anthropic: anthropic!, gemini: gemini! };
  providers = registryFor({
    openai: createOpenAI({ baseURL: openai!.baseURL, apiKey: 'sk-example' }),
    anthropic: createAnthropic({ baseURL: anthropic!.baseURL, apiKey: 'sk-example' }),
    gemini: createGemini({ baseURL: gemini!.baseURL, apiKey: 'sk-example' }),
  });
});
afterAll(() => Promise.all(Object.values(fakes).map((fake) => fake.close())));

// The example workflows under examples/workflows, run as `flow run` would (the image file from the inputs),
// with the vendor keys from the environment (`rf_key:account` is each block's default or stand-in).
const cases = [
  { name: 'openai-detect', vendor: 'openai' as const, answer: '{"detections": [{"box_2d": [10, 10, 60, 40], "label": "dog"}]}', check: (out: any) => expect(out.predictions.predictions[0]).toMatchObject({ class: 'dog' }) },
  { name: 'claude-classify', vendor: 'anthropic' as const, answer: '{"class_name": "cat", "confidence": 0.8}', check: (out: any) => expect(out.predictions).toMatchObject({ top: 'cat', confidence: 0.8 }) },
  { name: 'gemini-detect', vendor: 'gemini' as const, answer: '[{"box_2d": [100, 100, 500, 600], "label": "cat"}]', check: (out: any) => expect(out.predictions.predictions[0]).toMatchObject({ class: 'cat', class_id: 0 }) },
];

describe('examples/workflows for the vendor blocks', () => {
  for (const example of cases) {
    it(`${example.name} runs against the fake ${example.vendor}`, async () => {
      const definition = await readJson(`${example.name}.workflow.json`);
      const inputs = await readJson(`${example.name}.inputs.json`);
      const image = { type: 'base64', value: (await readFile(new URL(inputs['image'].value, examples))).toString('base64') };
      fakes[example.vendor].reply(example.answer);
      const previous = { OPENAI_API_KEY: process.env['OPENAI_API_KEY'], ANTHROPIC_API_KEY: process.env['ANTHROPIC_API_KEY'], GEMINI_API_KEY: process.env['GEMINI_API_KEY'] };
      Object.assign(process.env, { OPENAI_API_KEY: 'sk-example', ANTHROPIC_API_KEY: 'sk-example', GEMINI_API_KEY: 'sk-example' });
      try {
        const workflow = goldenEngine.compile(definition);
        const [serialized] = workflow.serialize(await workflow.run({ image }, { services: { providers } }));
        expect(serialized!['answer']).toBe(example.answer);
        example.check(serialized);
        expect(fakes[example.vendor].requests.length).toBeGreaterThan(0);
      } finally {
        for (const [name, value] of Object.entries(previous)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    });
  }
});
