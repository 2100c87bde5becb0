// Block overhead of the vendor VLM blocks: a batch through open_ai@v5, anthropic_claude@v3 and google_gemini@v4
// (classification, so prompts and schemas are built) with an in-process model that answers at once, so only
// Flow's work is timed (key lookup, per-image request building, registry middleware, fan-out, serialisation),
// against calling the same wrapped model directly in a loop with one prebuilt request. Printed, never asserted.
import { performance } from 'node:perf_hooks';
import { createEngine, defineBlockPack } from '@flow/engine';
import { createProviderRegistry, LANGUAGE_MODEL_SPECIFICATION_VERSION, type GenerateOptions, type LanguageModel, type Provider } from '@flow/providers-core';
import { makePng } from '@flow/testing';
import { vendorBlocks } from '../src/vendors/index.js';

const BATCH = 256;
const ROUNDS = 20;

const instantProvider = (id: string): Provider => ({
  id,
  languageModel: (modelId): LanguageModel => ({
    specificationVersion: LANGUAGE_MODEL_SPECIFICATION_VERSION,
    provider: id,
    modelId,
    generate: async () => ({ text: '{"class_name": "dog", "confidence": 0.9}', finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 5 }, model: modelId }),
  }),
});

const providers = createProviderRegistry({ openai: instantProvider('openai'), anthropic: instantProvider('anthropic'), gemini: instantProvider('gemini') }, { env: {}, cache: false });
const engine = createEngine({ packs: [defineBlockPack({ name: 'vendors', blocks: [...vendorBlocks] })] });
const env = { OPENAI_API_KEY: 'sk-bench', ANTHROPIC_API_KEY: 'sk-bench', GEMINI_API_KEY: 'sk-bench', FLOW_MAX_CONCURRENT_REQUESTS: '32' };
const images = Array.from({ length: BATCH }, (_, index) => ({ type: 'base64', value: makePng(32 + (index % 7), 24).toString('base64') }));

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const cases = [
  { type: 'roboflow_core/open_ai@v5', provider: 'openai', model: 'gpt-5.1' },
  { type: 'roboflow_core/anthropic_claude@v3', provider: 'anthropic', model: 'claude-sonnet-4-5-20250929' },
  { type: 'roboflow_core/google_gemini@v4', provider: 'gemini', model: 'gemini-3.1-pro-preview' },
];

console.log(`vendor blocks: ${BATCH} images per run, median of ${ROUNDS} runs, instant model`);
for (const { type, provider, model } of cases) {
  const workflow = engine.compile({
    version: '1.0',
    inputs: [{ type: 'WorkflowBatchInput', name: 'image', kind: ['image'] }],
    steps: [{ type, name: 'model', images: '$inputs.image', task_type: 'classification', classes: ['cat', 'dog', 'bird'] }],
    outputs: [{ type: 'JsonField', name: 'output', selector: '$steps.model.output' }],
  });
  const viaBlock = await median(async () => workflow.serialize(await workflow.run({ image: images }, { services: { providers, env } })));
  const wrapped = providers.languageModel(provider, model, { apiKey: 'sk-bench' });
  const request: GenerateOptions = {
    system: 'classify',
    content: [{ type: 'text', text: 'Classes: cat, dog, bird' }, { type: 'image', data: makePng(32, 24), mediaType: 'image/png' }],
    responseFormat: { type: 'json', schema: { type: 'object' } },
  };
  const direct = await median(() => Promise.all(Array.from({ length: BATCH }, () => wrapped.generate(request))));
  console.log(
    `${type.padEnd(36)} block ${viaBlock.toFixed(2)} ms, direct model calls ${direct.toFixed(2)} ms, ratio ${(viaBlock / direct).toFixed(2)}x, ` +
      `block overhead ${(((viaBlock - direct) / BATCH) * 1000).toFixed(1)} µs/image`,
  );
}
