import { createGemini } from '@flow/providers-gemini';
import { startFakeGemini, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VlmTaskType } from '../../common/vlm-tasks.js';
import { chainedWorkflow, goldenEngine, lastRequest, registryFor } from '../test-support/golden.js';
import { pngImage } from '../test-support/workflows.js';

const KEY = 'AIza-golden';
let fake: FakeVendor;
let providers: ReturnType<typeof registryFor>;

beforeAll(async () => {
  fake = await startFakeGemini({ apiKey: KEY });
  providers = registryFor({ gemini: createGemini({ baseURL: fake.baseURL }) });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.reply('fake answer');
});

async function run(definition: object, width = 64, height = 48) {
  const workflow = goldenEngine.compile(definition);
  const outputs = await workflow.run({ image: pngImage(width, height) }, { services: { providers } });
  return workflow.serialize(outputs)[0]!;
}

function sent(model: string) {
  const request = lastRequest(fake);
  expect(request.path).toBe(`/v1beta/models/${model}:generateContent`);
  expect(request.headers['x-goog-api-key']).toBe(KEY);
  const body = request.json;
  expect(body.contents).toHaveLength(1);
  const parts = body.contents[0].parts as any[];
  return { body, system: body.systemInstruction?.parts?.[0]?.text as string | undefined, parts, config: body.generationConfig ?? {} };
}

const tasks: Record<VlmTaskType, { properties: Record<string, unknown>; system: boolean; userText: RegExp; json: boolean }> = {
  unconstrained: { properties: { prompt: 'What is in the picture?' }, system: false, userText: /^What is in the picture\?$/, json: false },
  ocr: { properties: {}, system: true, userText: /Read the text/, json: false },
  'visual-question-answering': { properties: { prompt: 'Is it a cat?' }, system: true, userText: /^Question: Is it a cat\?$/, json: false },
  caption: { properties: {}, system: true, userText: /caption/, json: false },
  'detailed-caption': { properties: {}, system: true, userText: /caption/, json: false },
  classification: { properties: { classes: ['cat', 'dog'] }, system: true, userText: /cat, dog/, json: true },
  'multi-label-classification': { properties: { classes: ['cat', 'dog'] }, system: true, userText: /cat, dog/, json: true },
  'structured-answering': { properties: { output_structure: { count: 'how many animals' } }, system: true, userText: /"count": "how many animals"/, json: true },
  'object-detection': { properties: { classes: ['cat', 'dog'] }, system: true, userText: /cat, dog/, json: true },
};

const versions = [
  { version: 1, model: 'gemini-2.5-flash', maxTokens: 450 },
  { version: 2, model: 'gemini-3.1-pro-preview', maxTokens: undefined },
  { version: 3, model: 'gemini-3.1-pro-preview', maxTokens: undefined },
  { version: 4, model: 'gemini-3.1-pro-preview', maxTokens: undefined },
];

describe('google_gemini v1-v4 against the fake Gemini, every task type', () => {
  for (const { version, model, maxTokens } of versions) {
    for (const [task, expected] of Object.entries(tasks) as Array<[VlmTaskType, (typeof tasks)[VlmTaskType]]>) {
      it(`v${version} ${task}`, async () => {
        fake.reply(`answer for ${task}`);
        const serialized = await run(chainedWorkflow(`roboflow_core/google_gemini@v${version}`, { task_type: task, api_key: KEY, ...expected.properties }));
        expect(serialized['output']).toBe(`answer for ${task}`);
        const { system, parts, config } = sent(model);
        expect(config.maxOutputTokens).toBe(maxTokens);
        const nativeDetection = version === 4 && task === 'object-detection';
        expect(system !== undefined).toBe(expected.system && !nativeDetection);
        expect(parts[0]).toMatchObject({ inlineData: { mimeType: 'image/png' } });
        expect(parts).toHaveLength(2);
        expect(parts[1].text).toMatch(expected.userText);
        expect(config.responseMimeType).toBe(expected.json ? 'application/json' : undefined);
        expect(config.responseSchema !== undefined).toBe(expected.json);
        if (task === 'classification') expect(config.responseSchema.properties.class_name.enum).toEqual(['cat', 'dog']);
        if (nativeDetection) {
          expect(config.responseSchema).toMatchObject({
            type: 'ARRAY',
            items: {
              type: 'OBJECT',
              properties: { box_2d: { type: 'ARRAY', items: { type: 'INTEGER', minimum: 0, maximum: 1000 }, minItems: 4, maxItems: 4 }, label: { type: 'STRING', enum: ['cat', 'dog'] } },
              required: ['box_2d', 'label'],
              propertyOrdering: ['box_2d', 'label'],
            },
          });
        } else if (task === 'object-detection') {
          expect(system).toMatch(/x_min/);
          expect(config.responseSchema.properties.detections.type).toBe('ARRAY');
        }
      });
    }
  }

  it('thinking models get thinking_level and no temperature; older models the temperature', async () => {
    await run(chainedWorkflow('roboflow_core/google_gemini@v4', { task_type: 'ocr', api_key: KEY, thinking_level: 'low', temperature: 0.5, max_tokens: 200 }));
    expect(sent('gemini-3.1-pro-preview').config).toEqual({ maxOutputTokens: 200, thinkingConfig: { thinkingLevel: 'low' } });
    await run(chainedWorkflow('roboflow_core/google_gemini@v2', { task_type: 'ocr', api_key: KEY, model_version: 'gemini-2.5-flash', thinking_level: 'low', temperature: 0.5 }));
    expect(sent('gemini-2.5-flash').config).toEqual({ temperature: 0.5 });
    await run(chainedWorkflow('roboflow_core/google_gemini@v1', { task_type: 'ocr', api_key: KEY, temperature: 1.5 }));
    expect(sent('gemini-2.5-flash').config).toEqual({ maxOutputTokens: 450, temperature: 1.5 });
  });

  it('reports usage per call to the run, and warns that code execution is not sent yet', async () => {
    const usage: unknown[] = [];
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string) => warnings.push(message) };
    const workflow = goldenEngine.compile(chainedWorkflow('roboflow_core/google_gemini@v3', { task_type: 'ocr', api_key: KEY, google_code_execution: true }));
    await workflow.run({ image: pngImage(8, 8) }, { services: { providers }, logger, onUsage: (record) => usage.push(record) });
    expect(usage).toEqual([expect.objectContaining({ step: 'model', provider: 'gemini', model: 'gemini-3.1-pro-preview', calls: 1 })]);
    expect(warnings).toEqual([expect.stringContaining('google_code_execution is not supported yet')]);
    expect(sent('gemini-3.1-pro-preview').body.tools).toBeUndefined();
  });

  it('retired preview names call the current model', async () => {
    await run(chainedWorkflow('roboflow_core/google_gemini@v1', { task_type: 'ocr', api_key: KEY, model_version: 'gemini-2.5-pro-preview-03-25' }));
    sent('gemini-2.5-pro');
  });
});

describe('Gemini answers parse with vlm_as_detector@v2 (model_type google-gemini)', () => {
  const detector = { type: 'roboflow_core/vlm_as_detector@v2', properties: { classes: '$steps.model.classes', model_type: 'google-gemini', task_type: 'object-detection' } };

  it('v4: the native 0-1000 box_2d list', async () => {
    fake.reply('[{"box_2d": [0, 250, 500, 750], "label": "dog"}]');
    const serialized = await run(chainedWorkflow('roboflow_core/google_gemini@v4', { task_type: 'object-detection', api_key: KEY, classes: ['cat', 'dog'] }, detector), 200, 100);
    const { parts } = sent('gemini-3.1-pro-preview');
    expect(parts[1].text).toMatch(/\[y_min, x_min, y_max, x_max\]/);
    expect(serialized['parsed']).toMatchObject({ error_status: false, predictions: { image: { width: 200, height: 100 }, predictions: [{ x: 100, y: 25, width: 100, height: 50, class: 'dog', class_id: 1, confidence: 1 }] } });
  });

  for (const version of [1, 2, 3]) {
    it(`v${version}: the normalized detections object`, async () => {
      fake.reply('{"detections": [{"x_min": 0.5, "y_min": 0.5, "x_max": 1, "y_max": 1, "class_name": "cat", "confidence": 0.7}]}');
      const parser = version === 1 ? { ...detector, type: 'roboflow_core/vlm_as_detector@v1' } : detector;
      const serialized = await run(chainedWorkflow(`roboflow_core/google_gemini@v${version}`, { task_type: 'object-detection', api_key: KEY, classes: ['cat', 'dog'] }, parser), 200, 100);
      expect(serialized['parsed']).toMatchObject({ error_status: false, predictions: { predictions: [{ x: 150, y: 75, width: 100, height: 50, class: 'cat', class_id: 0, confidence: 0.7 }] } });
    });
  }

  it('structured-answering chains into json_parser-ready JSON (a single object)', async () => {
    fake.reply('{"count": 3}');
    const serialized = await run(chainedWorkflow('roboflow_core/google_gemini@v4', { task_type: 'structured-answering', api_key: KEY, output_structure: { count: 'how many' } }));
    expect(JSON.parse(serialized['output'] as string)).toEqual({ count: 3 });
    expect(sent('gemini-3.1-pro-preview').config.responseSchema.properties.count).toMatchObject({ description: 'how many' });
  });
});
