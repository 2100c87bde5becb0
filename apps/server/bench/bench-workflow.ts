// The workflow of issue 12's benchmark: vlm_as_detector@v2 on a Gemini object-detection answer with
// ten boxes, classes cat and dog, on a 640x480 PNG sent as base64.
import { makePng } from '@flow/testing';

export const benchWorkflow = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'vlm_output', kind: ['language_model_output'] },
    { type: 'WorkflowParameter', name: 'classes', default_value: ['cat', 'dog'] },
  ],
  steps: [
    {
      type: 'roboflow_core/vlm_as_detector@v2',
      name: 'parser',
      image: '$inputs.image',
      vlm_output: '$inputs.vlm_output',
      classes: '$inputs.classes',
      model_type: 'google-gemini',
      task_type: 'object-detection',
    },
  ],
  outputs: [
    { type: 'JsonField', name: 'predictions', selector: '$steps.parser.predictions' },
    { type: 'JsonField', name: 'error_status', selector: '$steps.parser.error_status' },
  ],
};

/** Ten detections as Gemini writes them (normalised corners, a class name and a confidence). */
export const tenDetectionsAnswer = `\`\`\`json
{"detections": [
${Array.from({ length: 10 }, (_, index) => {
  const x = 0.02 + index * 0.09;
  return `  {"x_min": ${x.toFixed(2)}, "y_min": 0.15, "x_max": ${(x + 0.08).toFixed(2)}, "y_max": 0.85, "class_name": "${index % 2 === 0 ? 'cat' : 'dog'}", "confidence": 0.9${index}}`;
}).join(',\n')}
]}
\`\`\``;

export const benchImage = makePng(640, 480).toString('base64');

export const benchBody = Buffer.from(JSON.stringify({ specification: benchWorkflow, inputs: { image: { type: 'base64', value: benchImage }, vlm_output: tenDetectionsAnswer } }));
