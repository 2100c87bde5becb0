import { llamaVisionBlock } from './llama-vision-block.js';
import { LLAMA_V2_MODEL_VERSIONS } from './model-versions.js';

/** `roboflow_core/llama_vision@v2`: adds object detection, the managed-key default and OpenRouter privacy routing. */
export const llamaVisionV2 = llamaVisionBlock({
  type: 'roboflow_core/llama_vision@v2',
  version: 2,
  tasks: ['unconstrained', 'ocr', 'structured-answering', 'classification', 'multi-label-classification', 'visual-question-answering', 'caption', 'detailed-caption', 'object-detection'],
  modelVersions: LLAMA_V2_MODEL_VERSIONS,
  defaultModelVersion: '11B - OpenRouter',
  recommendedParsers: {
    'structured-answering': 'roboflow_core/json_parser@v1',
    classification: 'roboflow_core/vlm_as_classifier@v2',
    'multi-label-classification': 'roboflow_core/vlm_as_classifier@v2',
    'object-detection': 'roboflow_core/vlm_as_detector@v2',
  },
  license: 'Llama 3.2 Community License',
  emptyAnswerIsError: true,
});
