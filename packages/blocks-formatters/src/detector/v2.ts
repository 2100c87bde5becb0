import { inferenceIdKind } from '@flow/kinds';
import { detectorBlock, type DetectorInputs } from './detector-block.js';
import { DETECTOR_V2_MODEL_TYPES, type DetectorV2ModelType } from './registry.js';

export type DetectorV2Inputs = DetectorInputs<DetectorV2ModelType>;

/**
 * `roboflow_core/vlm_as_detector@v2`: OpenAI, Gemini, Claude (legacy normalised form), SpaceXAI (Grok),
 * Qwen, Muse and Florence-2 answers; the inference id output is of kind `inference_id`.
 */
export const vlmAsDetectorV2 = detectorBlock({ version: 2, modelTypes: DETECTOR_V2_MODEL_TYPES, inferenceIdKind });
