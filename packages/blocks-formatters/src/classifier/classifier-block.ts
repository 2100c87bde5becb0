import { defineBlock } from '@flow/engine';
import { booleanKind, classificationPredictionKind, type Kind, type WorkflowImage } from '@flow/kinds';
import { CLASSIFIER_LONG_DESCRIPTION, CLASSIFIER_NAME, CLASSIFIER_SHORT_DESCRIPTION, CLASSIFIER_UI_MANIFEST, classifierManifest } from './manifest.js';
import { parseClassifierOutput } from './parse-classification.js';

export interface ClassifierInputs {
  image: WorkflowImage;
  vlm_output: string;
  classes: readonly unknown[];
}

/** One version of `roboflow_core/vlm_as_classifier`; versions differ only in the kind of `inference_id`. */
export function classifierBlock(options: { version: 1 | 2; inferenceIdKind: Kind }) {
  const manifest = classifierManifest();
  return defineBlock<ClassifierInputs, typeof manifest>({
    type: `roboflow_core/vlm_as_classifier@v${options.version}`,
    name: CLASSIFIER_NAME,
    blockType: 'formatter',
    shortDescription: CLASSIFIER_SHORT_DESCRIPTION,
    longDescription: CLASSIFIER_LONG_DESCRIPTION,
    license: 'Apache-2.0',
    executionEngineCompatibility: '>=1.3.0,<2.0.0',
    schemaExtra: { ui_manifest: CLASSIFIER_UI_MANIFEST },
    manifest,
    outputs: {
      error_status: [booleanKind],
      predictions: [classificationPredictionKind],
      inference_id: [options.inferenceIdKind],
    },
    run(inputs, context) {
      return parseClassifierOutput({ image: inputs.image, vlmOutput: inputs.vlm_output, classes: inputs.classes, logger: context.logger });
    },
  });
}
