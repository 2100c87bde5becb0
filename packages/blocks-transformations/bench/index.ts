// Engine overhead of nested batches and flow control, measured in this process and printed as ratios
// against calling the same blocks by hand in a loop. Numbers are printed, never asserted.
//  1. crop-then-classify: dynamic_crop of 256 detections (sharp) -> vlm_as_classifier on every crop.
//  2. the same shape without pixels (engine test strips -> classifier): what the engine itself costs.
//  3. flow control: a gate per element of a batch of 256 -> a step on the elements it lets through.
import { formattersPack, vlmAsClassifierV2 } from '@flow/blocks-formatters';
import { createEngine, type BlockContext } from '@flow/engine';
import { gateBlock, stripsBlock, testBlocksPack, upperBlock } from '@flow/engine/testing';
import { Detections, WorkflowImage } from '@flow/kinds';
import { cropDetections } from '../src/crops/dynamic-crop.js';
import { transformationsPack } from '../src/pack.js';
import { gradientPng } from '../src/testing/gradient-image.js';

const engine = createEngine({ packs: [transformationsPack, formattersPack, testBlocksPack] });
const context = { signal: new AbortController().signal, logger: { debug() {}, info() {}, warn() {}, error() {} }, services: {}, usage: { record() {} }, step: { name: 'bench', type: 'bench' } } as BlockContext;

/** Median milliseconds of `rounds` timed calls after `warmup` untimed ones. */
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

const ms = (value: number) => `${value.toFixed(2)} ms`;
const row = (name: string, direct: number, engineRun: number) =>
  console.log(`${name.padEnd(44)} | ${ms(direct).padStart(10)} | ${ms(engineRun).padStart(10)} | ${(engineRun / direct).toFixed(2)}x`);

const classes = ['cat', 'dog'];
const classifierAnswer = '{"class_name": "dog", "confidence": 0.9}';
const classify = (image: WorkflowImage) => vlmAsClassifierV2.run({ image, vlm_output: classifierAnswer, classes } as never, context);

// 256 detections in a 16 x 16 grid over a 1024 x 1024 image.
const size = 1024;
const cell = size / 16;
const boxes = Array.from({ length: 256 }, (_, index): [number, number, number, number] => {
  const [x, y] = [(index % 16) * cell, Math.floor(index / 16) * cell];
  return [x + 4, y + 4, x + cell - 4, y + cell - 4];
});
const detections = new Detections(boxes, boxes.map(() => 0.9), boxes.map(() => 0), {
  class_name: boxes.map(() => 'cat'),
  detection_id: boxes.map((_, index) => `d-${index}`),
});
const image = WorkflowImage.fromBytes(await gradientPng(size, size), { parentId: 'image' });

console.log('\nscenario                                     | by hand    | engine     | ratio');
console.log('-------------------------------------------- | ---------- | ---------- | -----');

const cropThenClassify = engine.compile({
  version: '1.0',
  inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowBatchInput', name: 'detections', kind: ['object_detection_prediction'] }, { type: 'WorkflowParameter', name: 'answer' }],
  steps: [
    { type: 'roboflow_core/dynamic_crop@v1', name: 'crop', images: '$inputs.image', predictions: '$inputs.detections' },
    { type: 'roboflow_core/vlm_as_classifier@v2', name: 'classify', image: '$steps.crop.crops', vlm_output: '$inputs.answer', classes },
  ],
  outputs: [{ type: 'JsonField', name: 'classes', selector: '$steps.classify.predictions' }],
});
{
  const byHand = await time(15, 3, async () => {
    const crops = await cropDetections(image, detections);
    for (const crop of crops) classify(crop.crops!);
  });
  const engineRun = await time(15, 3, () => cropThenClassify.run({ image, detections, answer: classifierAnswer }));
  row('crop 256 detections (sharp) -> classify', byHand, engineRun);
}

const stripsThenClassify = engine.compile({
  version: '1.0',
  inputs: [{ type: 'WorkflowImage', name: 'image' }, { type: 'WorkflowParameter', name: 'answer' }],
  steps: [
    { type: 'test/strips@v1', name: 'crop', image: '$inputs.image', columns: 256 },
    { type: 'roboflow_core/vlm_as_classifier@v2', name: 'classify', image: '$steps.crop.crops', vlm_output: '$inputs.answer', classes },
  ],
  outputs: [{ type: 'JsonField', name: 'classes', selector: '$steps.classify.predictions' }],
});
{
  const byHand = await time(200, 40, async () => {
    const crops = (await stripsBlock.run({ image, columns: 256 }, context)) as Array<{ crops: WorkflowImage }>;
    for (const crop of crops) classify(crop.crops);
  });
  const engineRun = await time(200, 40, () => stripsThenClassify.run({ image, answer: classifierAnswer }));
  row('256 pixel-free crops -> classify', byHand, engineRun);
}

const gated = engine.compile({
  version: '1.0',
  inputs: [{ type: 'WorkflowBatchInput', name: 'words', kind: ['string'] }],
  steps: [
    { type: 'test/gate@v1', name: 'gate', value: '$inputs.words', pass_when: 'go', next_steps: ['$steps.shout'] },
    { type: 'test/upper@v1', name: 'shout', text: '$inputs.words' },
  ],
  outputs: [{ type: 'JsonField', name: 'shout', selector: '$steps.shout.text' }],
});
{
  const words = Array.from({ length: 256 }, (_, index) => (index % 2 === 0 ? 'go' : 'stop'));
  const byHand = await time(400, 80, async () => {
    const results: unknown[] = [];
    for (const word of words) {
      gateBlock.run({ value: word, pass_when: 'go', next_steps: ['$steps.shout'] }, context);
      results.push(word === 'go' ? upperBlock.run({ text: word, times: 1 }, context) : null);
    }
    return results;
  });
  const engineRun = await time(400, 80, () => gated.run({ words }));
  row('flow control: gate 256 elements -> step', byHand, engineRun);
  const ungated = engine.compile({
    version: '1.0',
    inputs: [{ type: 'WorkflowBatchInput', name: 'words', kind: ['string'] }],
    steps: [
      { type: 'test/echo@v1', name: 'gate', value: '$inputs.words' },
      { type: 'test/upper@v1', name: 'shout', text: '$inputs.words' },
    ],
    outputs: [{ type: 'JsonField', name: 'shout', selector: '$steps.shout.text' }],
  });
  const withoutGate = await time(400, 80, () => ungated.run({ words }));
  row('same shape, an echo step instead of the gate', withoutGate, engineRun);
}
console.log('\nratio = engine run / the same blocks called by hand in a loop (aim <= 1.3x for crop-then-classify);');
console.log('the last row compares the gated run with the same workflow without flow control (the cost of masks).');
console.log('The crop rows reuse one decoded image (both sides), so they time cutting and encoding, not decoding.\n');
