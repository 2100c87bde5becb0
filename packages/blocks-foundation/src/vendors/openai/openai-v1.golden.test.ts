import { createOpenAI } from '@flow/providers-openai';
import { startFakeOpenAI, type FakeVendor } from '@flow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenEngine, lastRequest, registryFor } from '../test-support/golden.js';
import { pngImage } from '../test-support/workflows.js';

const KEY = 'sk-golden-v1';
let fake: FakeVendor;
let providers: ReturnType<typeof registryFor>;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: KEY });
  providers = registryFor({ openai: createOpenAI({ baseURL: fake.baseURL }) });
});
afterAll(() => fake.close());

/** As in the reference's hosted test: `image` (not `images`), the key from a parameter, `json_output_format`. */
const definition = (properties: Record<string, unknown>) => ({
  version: '1.0',
  inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'open_ai_key' }],
  steps: [{ type: 'roboflow_core/open_ai@v1', name: 'gpt', image: '$inputs.image', prompt: 'Count the dogs.', openai_api_key: '$inputs.open_ai_key', ...properties }],
  outputs: [{ type: 'JsonField', name: 'result', selector: '$steps.gpt.*' }],
});

async function run(properties: Record<string, unknown>, inputs: Record<string, unknown> = { open_ai_key: KEY }) {
  const workflow = goldenEngine.compile(definition(properties));
  const outputs = await workflow.run({ image: pngImage(30, 20), ...inputs }, { services: { providers } });
  return workflow.serialize(outputs)[0]!['result'] as Record<string, unknown>;
}

describe('open_ai@v1 against the fake OpenAI', () => {
  it('sends the prompt then the image on Chat Completions and reads json_output_format fields into outputs', async () => {
    fake.reply('```json\n{"count": 2, "breed": "beagle"}\n```');
    const result = await run({ json_output_format: { count: 'number of dogs', colour: 'their colour' }, image_detail: 'low', max_tokens: 120 });
    const request = lastRequest(fake);
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(request.json).toMatchObject({ model: 'gpt-4o', max_tokens: 120 });
    const [user] = request.json.messages;
    expect(user.role).toBe('user');
    expect(user.content[0].type).toBe('text');
    expect(user.content[0].text).toMatch(/^Count the dogs\.\n\n[\s\S]*"count": "number of dogs"/);
    expect(user.content[1]).toMatchObject({ type: 'image_url', image_url: { detail: 'low' } });
    expect(result).toEqual({
      count: 2,
      colour: 'not_detected',
      raw_output: '```json\n{"count": 2, "breed": "beagle"}\n```',
      structured_output: { count: 2, colour: 'not_detected' },
      image: { width: 30, height: 20 },
      parent_id: 'image',
      root_parent_id: 'image',
    });
  });

  it('without json_output_format: the raw answer, an empty structured_output', async () => {
    fake.reply('Two dogs.');
    const result = await run({});
    expect(result).toMatchObject({ raw_output: 'Two dogs.', structured_output: {} });
    expect(lastRequest(fake).json.messages[0].content[0].text).toBe('Count the dogs.');
  });

  it('takes the key from OPENAI_API_KEY for rf_key placeholders, and says which variable is missing otherwise', async () => {
    fake.reply('ok');
    const previous = process.env['OPENAI_API_KEY'];
    try {
      process.env['OPENAI_API_KEY'] = KEY;
      expect((await run({}, { open_ai_key: 'rf_key:account' }))['raw_output']).toBe('ok');
      delete process.env['OPENAI_API_KEY'];
      await expect(run({}, { open_ai_key: 'rf_key:account' })).rejects.toThrow(/openai_api_key.*OPENAI_API_KEY/s);
    } finally {
      if (previous === undefined) delete process.env['OPENAI_API_KEY'];
      else process.env['OPENAI_API_KEY'] = previous;
    }
  });

  it('exposes json_output_format keys as outputs of kind * at compile time', () => {
    const described = goldenEngine.compile({
      ...definition({ json_output_format: { count: 'n' } }),
      outputs: [{ type: 'JsonField', name: 'count', selector: '$steps.gpt.count' }],
    });
    expect(described).toBeDefined();
    expect(() => goldenEngine.compile({ ...definition({}), outputs: [{ type: 'JsonField', name: 'count', selector: '$steps.gpt.count' }] })).toThrow(/count/);
  });

  it('the legacy alias `OpenAI` selects v1', () => {
    const aliased = definition({});
    aliased.steps[0]!.type = 'OpenAI';
    expect(() => goldenEngine.compile(aliased)).not.toThrow();
  });
});
