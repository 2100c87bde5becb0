import { stringKind } from '@flow/kinds';
import { classifierBlock } from './classifier-block.js';

export type { ClassifierInputs } from './classifier-block.js';

/** `roboflow_core/vlm_as_classifier@v1`. */
export const vlmAsClassifierV1 = classifierBlock({ version: 1, inferenceIdKind: stringKind });
