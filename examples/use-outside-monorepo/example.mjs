// A program outside the Flow monorepo: it imports the packages by name and turns a model's answer into
// detections. Usage: node example.mjs IMAGE.png
import { readFileSync } from 'node:fs';
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';

const engine = createEngine({ packs: [formattersPack] });
const workflow = engine.compile({
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'answer' },
  ],
  steps: [
    {
      type: 'roboflow_core/vlm_as_detector@v2',
      name: 'parser',
      image: '$inputs.image',
      vlm_output: '$inputs.answer',
      classes: ['cat', 'dog'],
      model_type: 'google-gemini',
      task_type: 'object-detection',
    },
  ],
  outputs: [{ type: 'JsonField', name: 'predictions', selector: '$steps.parser.predictions' }],
});

const image = { type: 'base64', value: readFileSync(process.argv[2]).toString('base64') };
const answer = '{"detections": [{"x_min": 0.1, "y_min": 0.2, "x_max": 0.5, "y_max": 0.9, "class_name": "dog", "confidence": 0.93}]}';
const outputs = workflow.serialize(await workflow.run({ image, answer }));
console.log(JSON.stringify(outputs));
