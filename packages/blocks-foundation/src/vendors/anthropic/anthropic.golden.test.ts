import { readImageHeader } from '@flow/kinds';
import { createAnthropic } from '@flow/providers-anthropic';
import { startFakeAnthropic, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VlmTaskType } from '../../common/vlm-tasks.js';
import { chainedWorkflow, goldenEngine, lastRequest, registryFor } from '../test-support/golden.js';
import { pngImage } from '../test-support/workflows.js';

const KEY = 'sk-ant-golden';
let fake: FakeVendor;
let providers: ReturnType<typeof registryFor>;

beforeAll(async () => {
  fake = await startFakeAnthropic({ apiKey: KEY });
  providers = registryFor({ anthropic: createAnthropic({ baseURL: fake.baseURL }) });
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

function sent() {
  const request = lastRequest(fake);
  expect(request.path).toBe('/v1/messages');
  expect(request.headers['authorization']).toBe(`Bearer ${KEY}`);
  const body = request.json;
  expect(body.messages).toHaveLength(1);
  const content = body.messages[0].content as any[];
  return { body, system: body.system as string | undefined, content, schema: body.output_config?.format?.schema ?? body.tools?.[0]?.input_schema };
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
  { version: 1, maxTokens: 450, key: { api_key: KEY } },
  { version: 2, maxTokens: 64000, key: { api_key: KEY } },
  { version: 3, maxTokens: 64000, key: { api_key: KEY } },
];

describe('anthropic_claude v1-v3 against the fake Anthropic, every task type', () => {
  for (const { version, maxTokens, key } of versions) {
    for (const [task, expected] of Object.entries(tasks) as Array<[VlmTaskType, (typeof tasks)[VlmTaskType]]>) {
      it(`v${version} ${task}`, async () => {
        const answer = expected.schema ? '{"class_name": "cat", "confidence": 0.5}' : `answer for ${task}`;
        fake.reply(answer);
        const serialized = await run(chainedWorkflow(`roboflow_core/anthropic_claude@v${version}`, { task_type: task, ...key, ...expected.properties }));
        expect(serialized['output']).toBe(answer);
        const { body, system, content, schema } = sent();
        expect(body.model).toBe('claude-sonnet-4-5-20250929');
        expect(body.max_tokens).toBe(maxTokens);
        expect(body.temperature).toBeUndefined();
        expect(system !== undefined).toBe(expected.system);
        expect(content[0]).toMatchObject({ type: 'image', source: { type: 'base64', media_type: 'image/png' } });
        const texts = content.filter((block) => block.type === 'text');
        if (expected.userText) {
          expect(content).toHaveLength(2);
          expect(texts[0].text).toMatch(expected.userText);
        } else {
          expect(content).toHaveLength(1);
        }
        expect(schema !== undefined).toBe(expected.schema);
        if (task === 'classification') expect(schema.properties.class_name.enum).toEqual(['cat', 'dog']);
        if (task === 'object-detection') expect(schema.properties.detections.items.properties.class_name.enum).toEqual(['cat', 'dog']);
      });
    }
  }

  it('downscales images to max_image_size on the longer side before upload', async () => {
    await run(chainedWorkflow('roboflow_core/anthropic_claude@v3', { api_key: KEY, task_type: 'ocr', max_image_size: 512 }), 2000, 1000);
    const image = sent().content[0];
    const header = readImageHeader(Buffer.from(image.source.data, 'base64'));
    expect(typeof header === 'object' && [header.width, header.height]).toEqual([512, 256]);
  });

  it('v2+: extended thinking sends the budget (half the model ceiling by default) and no temperature', async () => {
    await run(chainedWorkflow('roboflow_core/anthropic_claude@v3', { api_key: KEY, task_type: 'ocr', extended_thinking: true, model_version: 'claude-opus-4-1' }));
    expect(sent().body).toMatchObject({ model: 'claude-opus-4-1-20250805', max_tokens: 32000, thinking: { type: 'enabled', budget_tokens: 16000 } });
    await run(chainedWorkflow('roboflow_core/anthropic_claude@v3', { api_key: KEY, task_type: 'ocr', extended_thinking: true, thinking_budget_tokens: 2048, max_tokens: 4096 }));
    expect(sent().body).toMatchObject({ max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 } });
  });

  it('sends temperature and max_tokens when set, and v1 maps retired labels to their ids', async () => {
    await run(chainedWorkflow('roboflow_core/anthropic_claude@v2', { task_type: 'ocr', api_key: KEY, temperature: 0.3, max_tokens: 300, model_version: 'claude-haiku-4-5' }));
    expect(sent().body).toMatchObject({ model: 'claude-haiku-4-5-20251001', temperature: 0.3, max_tokens: 300 });
    await run(chainedWorkflow('roboflow_core/anthropic_claude@v1', { task_type: 'ocr', api_key: KEY, model_version: 'claude-3-5-sonnet' }));
    expect(sent().body.model).toBe('claude-sonnet-4-5-20250929');
  });

  it('a model label from a selector: v2+ sends unknown ones unchanged, v1 refuses them by name', async () => {
    const definition = (version: number) => ({
      ...chainedWorkflow(`roboflow_core/anthropic_claude@v${version}`, { task_type: 'ocr', api_key: KEY, model_version: '$inputs.model' }),
      inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'model' }],
    });
    const v3 = goldenEngine.compile(definition(3));
    await v3.run({ image: pngImage(8, 8), model: 'claude-next-9' }, { services: { providers } });
    expect(sent().body.model).toBe('claude-next-9');
    const v1 = goldenEngine.compile(definition(1));
    await expect(v1.run({ image: pngImage(8, 8), model: 'claude-3-haiku' }, { services: { providers } })).resolves.toBeDefined();
    expect(sent().body.model).toBe('claude-3-haiku-20240307');
  });
});

describe('Claude answers parse downstream', () => {
  it('object-detection chains into vlm_as_detector@v2 (model_type anthropic-claude, normalized boxes)', async () => {
    fake.reply('{"detections": [{"x_min": 0.1, "y_min": 0.2, "x_max": 0.5, "y_max": 0.6, "class_name": "dog", "confidence": 0.8}]}');
    const serialized = await run(
      chainedWorkflow('roboflow_core/anthropic_claude@v3', { api_key: KEY, task_type: 'object-detection', classes: ['cat', 'dog'] }, {
        type: 'roboflow_core/vlm_as_detector@v2',
        properties: { classes: '$steps.model.classes', model_type: 'anthropic-claude', task_type: 'object-detection' },
      }),
      100,
      50,
    );
    expect(serialized['parsed']).toMatchObject({ error_status: false, predictions: { predictions: [{ x: 30, y: 20, width: 40, height: 20, class: 'dog', class_id: 1, confidence: 0.8 }] } });
  });

  it('v1 object-detection parses with vlm_as_detector@v1 (model_type anthropic-claude)', async () => {
    fake.reply('{"detections": [{"x_min": 0, "y_min": 0, "x_max": 0.5, "y_max": 0.5, "class_name": "cat", "confidence": 0.9}]}');
    const serialized = await run(
      chainedWorkflow('roboflow_core/anthropic_claude@v1', { task_type: 'object-detection', api_key: KEY, classes: ['cat'] }, {
        type: 'roboflow_core/vlm_as_detector@v1',
        properties: { classes: '$steps.model.classes', model_type: 'anthropic-claude', task_type: 'object-detection' },
      }),
      100,
      50,
    );
    expect(serialized['parsed']).toMatchObject({ error_status: false, predictions: { predictions: [{ x: 25, y: 12.5, class: 'cat' }] } });
  });

  it('older models get structured output as a forced tool, and the answer still reaches the parser as JSON', async () => {
    fake.reply('{"class_name": "dog", "confidence": 0.6}');
    const serialized = await run(
      chainedWorkflow('roboflow_core/anthropic_claude@v1', { task_type: 'classification', api_key: KEY, classes: ['cat', 'dog'], model_version: 'claude-3-haiku' }, {
        type: 'roboflow_core/vlm_as_classifier@v1',
        properties: { classes: '$steps.model.classes' },
      }),
    );
    const { body } = sent();
    expect(body.tool_choice).toMatchObject({ type: 'tool' });
    expect(body.tools[0].input_schema.properties.class_name.enum).toEqual(['cat', 'dog']);
    expect(serialized['parsed']).toMatchObject({ error_status: false, predictions: { top: 'dog', confidence: 0.6 } });
  });

  it('multi-label classification chains into vlm_as_classifier@v2', async () => {
    fake.reply('{"predicted_classes": [{"class": "cat", "confidence": 0.9}, {"class": "dog", "confidence": 0.4}]}');
    const serialized = await run(
      chainedWorkflow('roboflow_core/anthropic_claude@v2', { task_type: 'multi-label-classification', api_key: KEY, classes: ['cat', 'dog'] }, {
        type: 'roboflow_core/vlm_as_classifier@v2',
        properties: { classes: '$steps.model.classes' },
      }),
    );
    expect(serialized['parsed']).toMatchObject({ error_status: false, predictions: { predicted_classes: ['cat', 'dog'] } });
  });
});
