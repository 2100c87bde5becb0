// Engine overhead for a formatter workflow: vlm_as_detector@v2 feeding an output, at batch 1 and 256.
// Prints compile time, run time per element, and the ratio of an engine run to calling the same parser
// directly in a loop, all measured in this process. Numbers are printed, never asserted.
import { createEngine } from '@flow/engine';
import { WorkflowImage } from '@flow/kinds';
import { makePng } from '@flow/testing';
import { formattersPack, parseDetectorOutput } from '@flow/blocks-formatters';

const answer = `\`\`\`json
{"detections": [
  {"x_min": 0.01, "y_min": 0.15, "x_max": 0.15, "y_max": 0.85, "class_name": "cat", "confidence": 0.98},
  {"x_min": 0.17, "y_min": 0.25, "x_max": 0.32, "y_max": 0.85, "class_name": "dog", "confidence": 0.97},
  {"x_min": 0.33, "y_min": 0.15, "x_max": 0.47, "y_max": 0.85, "class_name": "cat", "confidence": 0.99},
  {"x_min": 0.49, "y_min": 0.30, "x_max": 0.65, "y_max": 0.85, "class_name": "dog", "confidence": 0.98},
  {"x_min": 0.67, "y_min": 0.20, "x_max": 0.82, "y_max": 0.85, "class_name": "cat", "confidence": 0.99},
  {"box_2d": [250, 840, 850, 990], "label": "lion", "confidence": 0.97}
]}
\`\`\``;
const classes = ['cat', 'dog', 'lion'];

const definition = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'answer', kind: ['language_model_output'] },
    { type: 'WorkflowParameter', name: 'classes' },
  ],
  steps: [
    { type: 'roboflow_core/vlm_as_detector@v2', name: 'detector', image: '$inputs.image', vlm_output: '$inputs.answer', classes: '$inputs.classes', model_type: 'google-gemini', task_type: 'object-detection' },
  ],
  outputs: [{ type: 'JsonField', name: 'predictions', selector: '$steps.detector.predictions' }],
};

const engine = createEngine({ packs: [formattersPack] });
const png = makePng(640, 480);
const wireImage = { type: 'base64', value: png.toString('base64') };

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

const micro = (milliseconds: number) => `${(milliseconds * 1000).toFixed(1)} µs`;

const compileMs = await time(300, 50, () => engine.compile(structuredClone(definition)));
console.log(`\nvlm_as_detector@v2 workflow (6 boxes per answer, 640x480 PNG)\n`);
console.log(`compile: ${micro(compileMs)} per definition\n`);
console.log('batch | direct parser / element | engine run / element | ratio | run+serialize / element | from wire inputs / element');
console.log('----- | ----------------------- | -------------------- | ----- | ----------------------- | --------------------------');

const workflow = engine.compile(definition);
for (const batch of [1, 256]) {
  const images = Array.from({ length: batch }, (_, index) => WorkflowImage.fromBytes(png, { parentId: `image.[${index}]` }));
  const rounds = batch === 1 ? 2000 : 60;
  const direct = await time(rounds, rounds / 4, () => {
    for (const image of images) parseDetectorOutput({ version: 2, image, vlmOutput: answer, classes, modelType: 'google-gemini', taskType: 'object-detection' });
  });
  const engineRun = await time(rounds, rounds / 4, () => workflow.run({ image: images, answer, classes }));
  const withSerialize = await time(rounds, rounds / 4, async () => workflow.serialize(await workflow.run({ image: images, answer, classes })));
  const wire = Array.from({ length: batch }, () => wireImage);
  const fromWire = await time(rounds, rounds / 4, async () => workflow.serialize(await workflow.run({ image: wire, answer, classes })));
  console.log(
    `${String(batch).padStart(5)} | ${micro(direct / batch).padStart(23)} | ${micro(engineRun / batch).padStart(20)} | ${(engineRun / direct).toFixed(2).padStart(4)}x | ${micro(withSerialize / batch).padStart(23)} | ${micro(fromWire / batch).padStart(26)}`,
  );
}
console.log('\nratio = engine run / direct parser loop over the same images (target < 1.5x at batch 256).');
console.log('"from wire inputs" adds base64 decoding and header reading of each image, and serialisation.\n');
