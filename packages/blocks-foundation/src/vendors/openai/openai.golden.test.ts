import { createOpenAI } from '@flow/providers-openai';
import { startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VlmTaskType } from '../../common/vlm-tasks.js';
import { chainedWorkflow, dataUrlMediaType, goldenEngine, lastRequest, registryFor } from '../test-support/golden.js';
import { pngImage } from '../test-support/workflows.js';

const KEY = 'sk-golden-openai';
let fake: FakeVendor;
let providers: ReturnType<typeof registryFor>;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: KEY });
  providers = registryFor({ openai: createOpenAI({ baseURL: fake.baseURL }) });
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

/** The user content and the instructions, whichever API the version speaks. */
function sent(api: 'chat' | 'responses') {
  const request = lastRequest(fake);
  expect(request.path).toBe(api === 'chat' ? '/v1/chat/completions' : '/v1/responses');
  expect(request.headers['authorization']).toBe(`Bearer ${KEY}`);
  const body = request.json;
  if (api === 'chat') {
    const system = body.messages.find((message: any) => message.role === 'system' || message.role === 'developer');
    const user = body.messages.find((message: any) => message.role === 'user');
    const parts = user.content.map((part: any) => (part.type === 'text' ? { kind: 'text', text: part.text } : { kind: 'image', url: part.image_url.url, detail: part.image_url.detail }));
    return { body, system: system?.content as string | undefined, parts, schema: body.response_format?.json_schema?.schema };
  }
  const parts = body.input[0].content.map((part: any) => (part.type === 'input_text' ? { kind: 'text', text: part.text } : { kind: 'image', url: part.image_url, detail: part.detail }));
  return { body, system: body.instructions as string | undefined, parts, schema: body.text?.format?.schema };
}

const tasks: Record<VlmTaskType, { properties: Record<string, unknown>; system: boolean; userText: RegExp | null; schema: boolean }> = {
  unconstrained: { properties: { prompt: 'What is in the picture?' }, system: false, userText: /^What is in the picture\?$/, schema: false },
  ocr: { properties: {}, system: true, userText: null, schema: false },
  'visual-question-answering': { properties: { prompt: 'Is it a cat?' }, system: true, userText: /^Question: Is it a cat\?$/, schema: false },
  caption: { properties: {}, system: true, userText: null, schema: false },
  'detailed-caption': { properties: {}, system: true, userText: null, schema: false },
  classification: { properties: { classes: ['cat', 'dog'] }, system: true, userText: /cat, dog/, schema: true },
  'multi-label-classification': { properties: { classes: ['cat', 'dog'] }, system: true, userText: /cat, dog/, schema: true },
  'structured-answering': { properties: { output_structure: { count: 'how many animals' } }, system: true, userText: /"count": "how many animals"/, schema: true },
  'object-detection': { properties: { classes: ['cat', 'dog'] }, system: true, userText: /cat, dog/, schema: true },
};

const versions = [
  { version: 2, api: 'chat' as const, model: 'gpt-4o', tokens: { max_tokens: 450 }, detection: false },
  { version: 3, api: 'chat' as const, model: 'gpt-4o-mini', tokens: { max_tokens: 450 }, detection: false },
  { version: 4, api: 'responses' as const, model: 'gpt-4.1', tokens: {}, detection: true },
  { version: 5, api: 'responses' as const, model: 'gpt-4o', tokens: {}, detection: true },
];

describe('open_ai v2-v5 against the fake OpenAI, every task type', () => {
  for (const { version, api, model, tokens, detection } of versions) {
    for (const [task, expected] of Object.entries(tasks) as Array<[VlmTaskType, (typeof tasks)[VlmTaskType]]>) {
      if (task === 'object-detection' && (!detection || version === 5)) continue;
      it(`v${version} ${task}`, async () => {
        fake.reply(`answer for ${task}`);
        const serialized = await run(chainedWorkflow(`roboflow_core/open_ai@v${version}`, { task_type: task, api_key: KEY, model_version: model, image_detail: 'high', ...expected.properties }));
        expect(serialized['output']).toBe(`answer for ${task}`);
        const { body, system, parts, schema } = sent(api);
        expect(body.model).toBe(model);
        for (const [name, value] of Object.entries(tokens)) expect(body[name]).toBe(value);
        if (version >= 4) expect(body.max_output_tokens).toBeUndefined();
        expect(system !== undefined).toBe(expected.system);
        const texts = parts.filter((part: any) => part.kind === 'text');
        const images = parts.filter((part: any) => part.kind === 'image');
        expect(images).toHaveLength(1);
        expect(dataUrlMediaType(images[0].url)).toBe('image/png');
        expect(images[0].detail).toBe('high');
        if (expected.userText) {
          expect(texts).toHaveLength(1);
          expect(texts[0].text).toMatch(expected.userText);
          expect(parts[0].kind).toBe('text');
        } else {
          expect(texts).toHaveLength(0);
        }
        expect(schema !== undefined).toBe(expected.schema);
        if (task === 'classification') expect(schema.properties.class_name.enum).toEqual(['cat', 'dog']);
        if (task === 'multi-label-classification') expect(schema.properties.predicted_classes.items.properties.class.enum).toEqual(['cat', 'dog']);
        if (task === 'structured-answering') expect(Object.keys(schema.properties)).toEqual(['count']);
      });
    }
  }

  it('v2 sends temperature and max_tokens as given; v4 sends max_output_tokens and the reasoning effort of models that reason', async () => {
    await run(chainedWorkflow('roboflow_core/open_ai@v2', { task_type: 'ocr', api_key: KEY, max_tokens: 99, temperature: 0.4 }));
    expect(lastRequest(fake).json).toMatchObject({ model: 'gpt-4o', max_tokens: 99, temperature: 0.4 });
    await run(chainedWorkflow('roboflow_core/open_ai@v4', { task_type: 'ocr', api_key: KEY, max_tokens: 64, reasoning_effort: 'low' }));
    expect(lastRequest(fake).json).toMatchObject({ model: 'gpt-5.1', max_output_tokens: 64, reasoning: { effort: 'low' } });
    await run(chainedWorkflow('roboflow_core/open_ai@v4', { task_type: 'ocr', api_key: KEY, model_version: 'gpt-4o', reasoning_effort: 'low' }));
    expect(lastRequest(fake).json.reasoning).toBeUndefined();
  });

  it('classification chains into vlm_as_classifier@v2', async () => {
    fake.reply('{"class_name": "dog", "confidence": 0.75}');
    const serialized = await run(
      chainedWorkflow('roboflow_core/open_ai@v4', { task_type: 'classification', api_key: KEY, classes: ['cat', 'dog'] }, { type: 'roboflow_core/vlm_as_classifier@v2', properties: { classes: '$steps.model.classes' } }),
    );
    expect(serialized['parsed']).toMatchObject({ error_status: false, predictions: { top: 'dog', confidence: 0.75 } });
  });
});

describe('object-detection answers parse with vlm_as_detector@v2 (model_type openai)', () => {
  const detector = { type: 'roboflow_core/vlm_as_detector@v2', properties: { classes: '$steps.model.classes', model_type: 'openai', task_type: 'object-detection' } };

  it('v4: the normalized shape (classes text first, then the JPEG/PNG with its detail)', async () => {
    fake.reply('{"detections": [{"x_min": 0.25, "y_min": 0.5, "x_max": 0.75, "y_max": 1.0, "class_name": "dog", "confidence": 0.6}]}');
    const serialized = await run(chainedWorkflow('roboflow_core/open_ai@v4', { task_type: 'object-detection', api_key: KEY, classes: ['cat', 'dog'] }, detector), 200, 100);
    const { system, parts, schema } = sent('responses');
    expect(system).toMatch(/x_min/);
    expect(parts.map((part: any) => part.kind)).toEqual(['text', 'image']);
    expect(schema.properties.detections.items.properties.class_name.enum).toEqual(['cat', 'dog']);
    expect(serialized['parsed']).toMatchObject({
      error_status: false,
      predictions: { image: { width: 200, height: 100 }, predictions: [{ x: 100, y: 75, width: 100, height: 50, confidence: 0.6, class: 'dog', class_id: 1 }] },
    });
  });

  const v5 = [
    { model: 'gpt-5.5', format: 'structured-absolute', answer: '{"detections": [{"box_2d": [50, 0, 150, 100], "label": "cat"}]}', schema: true, order: ['image', 'text'] },
    { model: 'gpt-4o', format: 'plain-absolute', answer: '[{"box_2d": [50, 0, 150, 100], "label": "cat"}]', schema: false, order: ['image', 'text'] },
    { model: 'gpt-5.1', format: 'normalized-legacy', answer: '{"detections": [{"x_min": 0.25, "y_min": 0, "x_max": 0.75, "y_max": 1, "class_name": "cat", "confidence": 1}]}', schema: true, order: ['text', 'image'] },
  ];
  for (const { model, format, answer, schema: withSchema, order } of v5) {
    it(`v5 ${model}: ${format}`, async () => {
      fake.reply(answer);
      const serialized = await run(chainedWorkflow('roboflow_core/open_ai@v5', { task_type: 'object-detection', api_key: KEY, model_version: model, classes: ['cat', 'dog'] }, detector), 200, 100);
      const { system, parts, schema } = sent('responses');
      expect(parts.map((part: any) => part.kind)).toEqual(order);
      const image = parts.find((part: any) => part.kind === 'image');
      expect(dataUrlMediaType(image.url)).toBe('image/png');
      if (format !== 'normalized-legacy') {
        expect(system).toBeUndefined();
        expect(parts.find((part: any) => part.kind === 'text').text).toContain('200x100');
      } else {
        expect(system).toMatch(/x_min/);
      }
      expect(schema !== undefined).toBe(withSchema);
      if (format === 'structured-absolute') expect(schema.properties.detections.items.properties.box_2d).toMatchObject({ items: { type: 'integer' }, minItems: 4, maxItems: 4 });
      expect(serialized['parsed']).toMatchObject({
        error_status: false,
        predictions: { image: { width: 200, height: 100 }, predictions: [{ x: 100, y: 50, width: 100, height: 100, class: 'cat', class_id: 0 }] },
      });
    });
  }

  it('v5 asks for boxes in the pixels of the downscaled upload (4096x1025 -> 2048x512)', async () => {
    fake.reply('{"detections": [{"box_2d": [0, 0, 1024, 256], "label": "dog"}]}');
    const serialized = await run(chainedWorkflow('roboflow_core/open_ai@v5', { task_type: 'object-detection', api_key: KEY, model_version: 'gpt-5.4', classes: ['cat', 'dog'] }, detector), 4096, 1025);
    const { parts } = sent('responses');
    expect(parts.find((part: any) => part.kind === 'text').text).toContain('2048x512');
    expect(serialized['parsed']).toMatchObject({ error_status: false, predictions: { predictions: [{ width: 2048, class: 'dog' }] } });
  });
});
