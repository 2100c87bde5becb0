// Block overhead for model steps: lmm_for_classification@v1 and llama_vision@v2 over a batch, with an in-process
// model that answers at once (so only Flow's work is timed: compile-free run, key lookup, registry middleware,
// per-image fan-out, parsing, serialisation), against calling the same wrapped model directly in a loop.
// Everything is measured in this process; numbers are printed, never asserted.
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { WorkflowImage } from '@flow/kinds';
import { createProviderRegistry, LANGUAGE_MODEL_SPECIFICATION_VERSION, type LanguageModel, type Provider } from '@flow/providers-core';
import { makePng } from '@flow/testing';
import { foundationPack } from '@flow/blocks-foundation';

const instantProvider = (id: string, text: string): Provider => ({
  id,
  languageModel: (modelId): LanguageModel => ({
    specificationVersion: LANGUAGE_MODEL_SPECIFICATION_VERSION,
    provider: id,
    modelId,
    generate: async () => ({ text, finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 5 }, model: modelId }),
  }),
});

const providers = createProviderRegistry(
  { openai: instantProvider('openai', '{"top": "dog"}'), openrouter: instantProvider('openrouter', '```json\n{"class_name": "dog", "confidence": 0.9}\n```') },
  { env: {}, cache: false },
);
const engine = createEngine({ packs: [foundationPack, formattersPack] });
const services = { providers, env: { OPENAI_API_KEY: 'sk-bench', OPENROUTER_API_KEY: 'sk-or-bench' } };

const workflows = {
  'lmm_for_classification@v1': {
    provider: 'openai',
    model: 'gpt-4o',
    definition: {
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [{ type: 'LMMForClassification', name: 'gpt', images: '$inputs.image', lmm_type: 'gpt_4v', classes: ['cat', 'dog'] }],
      outputs: [{ type: 'JsonField', name: 'top', selector: '$steps.gpt.top' }],
    },
  },
  'llama_vision@v2 -> vlm_as_classifier@v2': {
    provider: 'openrouter',
    model: 'meta-llama/llama-3.2-11b-vision-instruct',
    definition: {
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [
        { type: 'roboflow_core/llama_vision@v2', name: 'llama', images: '$inputs.image', task_type: 'classification', classes: ['cat', 'dog'] },
        { type: 'roboflow_core/vlm_as_classifier@v2', name: 'parser', image: '$inputs.image', vlm_output: '$steps.llama.output', classes: '$steps.llama.classes' },
      ],
      outputs: [{ type: 'JsonField', name: 'predictions', selector: '$steps.parser.predictions' }],
    },
  },
};

async function time(rounds: number, warmup: number, task: () => unknown): Promise<number> {
  for (let index = 0; index < warmup; index++) await task();
  const samples: number[] = [];
  for (let index = 0; index < rounds; index++) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  samples.sort((left, right) => left - right);
  return samples[Math.floor(samples.length / 2)]!;
}
const micro = (milliseconds: number) => `${(milliseconds * 1000).toFixed(1)} µs`;

const png = makePng(640, 480);
console.log('\nModel-step overhead with an instant in-process model (640x480 PNG)\n');
console.log('workflow | batch | direct generate / image | workflow run / image | ratio');
console.log('-------- | ----- | ----------------------- | ------------------- | -----');
for (const [name, { provider, model, definition }] of Object.entries(workflows)) {
  const workflow = engine.compile(definition);
  const wrapped = providers.languageModel(provider, model, { apiKey: 'sk-bench' });
  for (const batch of [1, 64]) {
    const images = Array.from({ length: batch }, (_, index) => WorkflowImage.fromBytes(png, { parentId: `image.[${index}]` }));
    const rounds = batch === 1 ? 2000 : 100;
    const direct = await time(rounds, rounds / 4, () =>
      Promise.all(images.map((image) => wrapped.generate({ content: [{ type: 'text', text: 'classify' }, { type: 'image', data: image.bytes, mediaType: image.mediaType }], maxTokens: 450 }))),
    );
    const run = await time(rounds, rounds / 4, async () => workflow.serialize(await workflow.run({ image: images }, { services })));
    console.log(`${name} | ${String(batch).padStart(5)} | ${micro(direct / batch).padStart(23)} | ${micro(run / batch).padStart(19)} | ${(run / direct).toFixed(2)}x`);
  }
}
console.log('\nratio = workflow run (with serialisation) / the same model calls made directly; a real vendor call takes 0.3-5 s.\n');
