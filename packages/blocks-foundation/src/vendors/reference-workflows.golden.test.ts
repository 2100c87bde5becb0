import { createAnthropic } from '@flow/providers-anthropic';
import { createGemini } from '@flow/providers-gemini';
import { createOpenAI } from '@flow/providers-openai';
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenEngine, registryFor } from './test-support/golden.js';
import claude from './test-support/reference-workflows/claude.json' with { type: 'json' };
import gemini from './test-support/reference-workflows/gemini.json' with { type: 'json' };
import openai from './test-support/reference-workflows/openai.json' with { type: 'json' };
import { pngImage } from './test-support/workflows.js';

// The definitions of the reference's hosted-platform tests (test_workflow_with_openai.py, ..._claude.py,
// ..._gemini.py), extracted verbatim. Those that need only the vendor and formatter blocks run here against
// the fakes; the others must fail only on the blocks this package does not hold, named as not implemented.
const definitions = { openai, claude, gemini } as Record<string, Record<string, { steps: Array<{ type: string }> }>>;
const OURS = /^roboflow_core\/(open_ai|anthropic_claude|google_gemini|vlm_as_detector|vlm_as_classifier)@v\d$/;

let fakes: FakeVendor[];
let providers: ReturnType<typeof registryFor>;
beforeAll(async () => {
  fakes = await Promise.all([startFakeOpenAI(), startFakeAnthropic(), startFakeGemini()]);
  const [openAIFake, anthropicFake, geminiFake] = fakes;
  providers = registryFor({
    openai: createOpenAI({ baseURL: openAIFake!.baseURL }),
    anthropic: createAnthropic({ baseURL: anthropicFake!.baseURL }),
    gemini: createGemini({ baseURL: geminiFake!.baseURL }),
  });
  for (const fake of fakes) fake.reply('{"detections": [{"x_min": 0.1, "y_min": 0.1, "x_max": 0.5, "y_max": 0.5, "class_name": "dog", "confidence": 0.9}]}');
});
afterAll(() => Promise.all(fakes.map((fake) => fake.close())));

describe('the reference hosted-platform workflows', () => {
  for (const [vendor, workflows] of Object.entries(definitions)) {
    for (const [name, definition] of Object.entries(workflows)) {
      const missing = [...new Set(definition.steps.map((step) => step.type).filter((type) => !OURS.test(type)))];
      if (missing.length === 0) {
        it(`${vendor} ${name} runs against the fake`, async () => {
          const workflow = goldenEngine.compile(definition);
          const outputs = await workflow.run({ image: pngImage(100, 100), api_key: 'sk-reference', classes: ['cat', 'dog'] }, { services: { providers } });
          const [serialized] = workflow.serialize(outputs);
          expect(serialized!['parsed_prediction']).toMatchObject({ predictions: [{ x: 30, y: 30, width: 40, height: 40, class: 'dog', class_id: 1, confidence: 0.9 }] });
        });
      } else {
        it(`${vendor} ${name} compiles up to the blocks other packages provide (${missing.join(', ')})`, () => {
          const result = goldenEngine.validate(definition);
          expect(result.ok).toBe(false);
          const problems = result.ok ? [] : result.problems;
          expect(problems.map((problem) => [problem.code, problem.blockType])).toEqual(missing.map((type) => ['UNIMPLEMENTED_ROBOFLOW_BLOCK', type]));
        });
      }
    }
  }
});
