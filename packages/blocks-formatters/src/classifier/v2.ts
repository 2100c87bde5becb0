import { defineBlock } from '@flow/engine';
import { booleanKind, classificationPredictionKind, inferenceIdKind } from '@flow/kinds';
import type { ClassifierInputs } from './v1.js';
import { CLASSIFIER_LONG_DESCRIPTION, CLASSIFIER_NAME, CLASSIFIER_SHORT_DESCRIPTION, CLASSIFIER_UI_MANIFEST, classifierManifest } from './manifest.js';
import { parseClassifierOutput } from './parse-classification.js';

const manifest = classifierManifest();

/** `roboflow_core/vlm_as_classifier@v2`: behaves as v1; the inference id output is of kind `inference_id`. */
export const vlmAsClassifierV2 = defineBlock<ClassifierInputs, typeof manifest>({
  type: 'roboflow_core/vlm_as_classifier@v2',
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
    inference_id: [inferenceIdKind],
  },
  run(inputs, context) {
    return parseClassifierOutput({ image: inputs.image, vlmOutput: inputs.vlm_output, classes: inputs.classes, logger: context.logger });
  },
});
