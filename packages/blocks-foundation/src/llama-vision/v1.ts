import { llamaVisionBlock } from './llama-vision-block.js';
import { LLAMA_V1_MODEL_VERSIONS } from './model-versions.js';

/** `roboflow_core/llama_3_2_vision@v1` (deprecated upstream in favour of v2). */
export const llama32VisionV1 = llamaVisionBlock({
  type: 'roboflow_core/llama_3_2_vision@v1',
  version: 1,
  tasks: ['unconstrained', 'ocr', 'structured-answering', 'classification', 'multi-label-classification', 'visual-question-answering', 'caption', 'detailed-caption'],
  modelVersions: LLAMA_V1_MODEL_VERSIONS,
  defaultModelVersion: '11B (Free) - OpenRouter',
  recommendedParsers: {
    'structured-answering': 'roboflow_core/json_parser@v1',
    classification: 'roboflow_core/vlm_as_classifier@v1',
    'multi-label-classification': 'roboflow_core/vlm_as_classifier@v1',
  },
  license: 'Llama 3.2 Community',
  deprecated: true,
});
