import { defineBlock } from '@flow/engine';
import { booleanKind, objectDetectionPredictionKind, type Kind, type WorkflowImage } from '@flow/kinds';
import { DETECTOR_LONG_DESCRIPTION, DETECTOR_NAME, DETECTOR_SHORT_DESCRIPTION, DETECTOR_UI_MANIFEST } from './block-text.js';
import { detectorManifest } from './manifest.js';
import { parseDetectorOutput } from './parse-detector-output.js';
import type { DetectorTaskType, DetectorVersion } from './registry.js';

export interface DetectorInputs<ModelType extends string> {
  image: WorkflowImage;
  vlm_output: string;
  classes?: readonly unknown[] | null;
  model_type: ModelType;
  task_type: DetectorTaskType;
}

/**
 * One version of `roboflow_core/vlm_as_detector`. Versions share everything but the model types they
 * read (each has its own parser registry) and the kind of their `inference_id` output.
 */
export function detectorBlock<const ModelTypes extends readonly [string, ...string[]]>(options: {
  version: DetectorVersion;
  modelTypes: ModelTypes;
  inferenceIdKind: Kind;
}) {
  const { version } = options;
  const manifest = detectorManifest(version, options.modelTypes);
  return defineBlock<DetectorInputs<ModelTypes[number]>, typeof manifest>({
    type: `roboflow_core/vlm_as_detector@v${version}`,
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
      inference_id: [options.inferenceIdKind],
    },
    run(inputs, context) {
      return parseDetectorOutput({
        version,
        image: inputs.image,
        vlmOutput: inputs.vlm_output,
        classes: inputs.classes,
        modelType: inputs.model_type,
        taskType: inputs.task_type,
        logger: context.logger,
      });
    },
  });
}
