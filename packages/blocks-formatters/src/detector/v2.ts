import { defineBlock } from '@flow/engine';
import { booleanKind, objectDetectionPredictionKind, inferenceIdKind, type WorkflowImage } from '@flow/kinds';
import { DETECTOR_LONG_DESCRIPTION, DETECTOR_NAME, DETECTOR_SHORT_DESCRIPTION, DETECTOR_UI_MANIFEST } from './block-text.js';
import { detectorManifest } from './manifest.js';
import { parseDetectorOutput } from './parse-detector-output.js';
import { DETECTOR_V2_MODEL_TYPES, type DetectorTaskType, type DetectorV2ModelType } from './registry.js';

export interface DetectorV2Inputs {
  image: WorkflowImage;
  vlm_output: string;
  classes?: readonly unknown[] | null;
  model_type: DetectorV2ModelType;
  task_type: DetectorTaskType;
}

const manifest = detectorManifest(2, DETECTOR_V2_MODEL_TYPES);

/**
 * `roboflow_core/vlm_as_detector@v2`: OpenAI, Gemini, Claude, SpaceXAI (Grok), Qwen, Muse and Florence-2
 * answers; the inference id output is of kind `inference_id`.
 */
export const vlmAsDetectorV2 = defineBlock<DetectorV2Inputs, typeof manifest>({
  type: 'roboflow_core/vlm_as_detector@v2',
  name: DETECTOR_NAME,
  blockType: 'formatter',
  shortDescription: DETECTOR_SHORT_DESCRIPTION,
  longDescription: DETECTOR_LONG_DESCRIPTION,
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: DETECTOR_UI_MANIFEST },
  manifest,
  outputs: {
    error_status: [booleanKind],
    predictions: [objectDetectionPredictionKind],
    inference_id: [inferenceIdKind],
  },
  run(inputs, context) {
    return parseDetectorOutput({
      version: 2,
      image: inputs.image,
      vlmOutput: inputs.vlm_output,
      classes: inputs.classes,
      modelType: inputs.model_type,
      taskType: inputs.task_type,
      logger: context.logger,
    });
  },
});
