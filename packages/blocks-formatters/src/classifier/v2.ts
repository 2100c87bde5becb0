import { inferenceIdKind } from '@flow/kinds';
import { classifierBlock } from './classifier-block.js';

/** `roboflow_core/vlm_as_classifier@v2`: behaves as v1; the inference id output is of kind `inference_id`. */
export const vlmAsClassifierV2 = classifierBlock({ version: 2, inferenceIdKind });
