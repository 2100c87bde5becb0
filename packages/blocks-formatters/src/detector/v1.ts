import { defineBlock } from '@flow/engine';
import { booleanKind, objectDetectionPredictionKind, stringKind, type WorkflowImage } from '@flow/kinds';
import { DETECTOR_LONG_DESCRIPTION, DETECTOR_NAME, DETECTOR_SHORT_DESCRIPTION, DETECTOR_UI_MANIFEST } from './block-text.js';
import { detectorManifest } from './manifest.js';
import { parseDetectorOutput } from './parse-detector-output.js';
import { DETECTOR_V1_MODEL_TYPES, type DetectorTaskType, type DetectorV1ModelType } from './registry.js';

export interface DetectorV1Inputs {
  image: WorkflowImage;
  vlm_output: string;
  classes?: readonly unknown[] | null;
  model_type: DetectorV1ModelType;
  task_type: DetectorTaskType;
}

const manifest = detectorManifest(1, DETECTOR_V1_MODEL_TYPES);

/** `roboflow_core/vlm_as_detector@v1`: Gemini, Claude (read as Gemini) and Florence-2 answers. */
export const vlmAsDetectorV1 = defineBlock<DetectorV1Inputs, typeof manifest>({
  type: 'roboflow_core/vlm_as_detector@v1',
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
    inference_id: [stringKind],
  },
  run(inputs, context) {
    return parseDetectorOutput({
      version: 1,
      image: inputs.image,
      vlmOutput: inputs.vlm_output,
      classes: inputs.classes,
      modelType: inputs.model_type,
      taskType: inputs.task_type,
      logger: context.logger,
    });
  },
});
