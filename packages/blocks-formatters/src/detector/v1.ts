import { stringKind } from '@flow/kinds';
import { detectorBlock, type DetectorInputs } from './detector-block.js';
import { DETECTOR_V1_MODEL_TYPES, type DetectorV1ModelType } from './registry.js';

export type DetectorV1Inputs = DetectorInputs<DetectorV1ModelType>;

/** `roboflow_core/vlm_as_detector@v1`: Gemini, Claude (read as Gemini) and Florence-2 answers. */
export const vlmAsDetectorV1 = detectorBlock({ version: 1, modelTypes: DETECTOR_V1_MODEL_TYPES, inferenceIdKind: stringKind });
