// A realistic formatter workflow (reference §14.1 OBJECT_DETECTION_WORKFLOW, with the VLM answer given as
// a parameter instead of a model step) and a Gemini answer from the reference vectors
// (vlm_as_detector_v2.json, test_run_method_for_claude_and_gemini_output).

export const detectorWorkflow = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'vlm_output', kind: ['language_model_output'] },
    { type: 'WorkflowParameter', name: 'classes', default_value: ['cat', 'dog', 'lion'] },
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

export const geminiDetectionsAnswer = `
{"detections": [
  {"x_min": 0.01, "y_min": 0.15, "x_max": 0.15, "y_max": 0.85, "class_name": "cat", "confidence": 1.98},
  {"x_min": 0.17, "y_min": 0.25, "x_max": 0.32, "y_max": 0.85, "class_name": "dog", "confidence": 0.97},
  {"x_min": 0.33, "y_min": 0.15, "x_max": 0.47, "y_max": 0.85, "class_name": "cat", "confidence": 0.99},
  {"x_min": 0.49, "y_min": 0.30, "x_max": 0.65, "y_max": 0.85, "class_name": "dog", "confidence": 0.98},
  {"x_min": 0.67, "y_min": 0.20, "x_max": 0.82, "y_max": 0.85, "class_name": "cat", "confidence": 0.99},
  {"x_min": 0.84, "y_min": 0.25, "x_max": 0.99, "y_max": 0.85, "class_name": "unknown", "confidence": 0.97}
]}
    `;
