export { formattersPack } from './pack.js';

// Blocks
export { vlmAsDetectorV1, type DetectorV1Inputs } from './detector/v1.js';
export { vlmAsDetectorV2, type DetectorV2Inputs } from './detector/v2.js';
export { vlmAsClassifierV1, type ClassifierInputs } from './classifier/v1.js';
export { vlmAsClassifierV2 } from './classifier/v2.js';

// Pure parse functions (what the blocks run)
export { parseDetectorOutput, type DetectorInput, type DetectorOutput } from './detector/parse-detector-output.js';
export {
  parseClassifierOutput,
  type ClassifierInput,
  type ClassifierOutput,
  type Classification,
  type ClassPrediction,
  type SingleLabelClassification,
  type MultiLabelClassification,
} from './classifier/parse-classification.js';
export {
  findDetectionParser,
  DETECTOR_TASK_TYPES,
  DETECTOR_V1_MODEL_TYPES,
  DETECTOR_V2_MODEL_TYPES,
  type DetectionParser,
  type DetectorTaskType,
  type DetectorModelType,
  type DetectorV1ModelType,
  type DetectorV2ModelType,
  type DetectorVersion,
} from './detector/registry.js';

// Per-model parsers and their helpers
export type { FormatterImage, ParseContext } from './parsers/attach-metadata.js';
export { parseGeminiDetections, convertGeminiBox, geminiLabel } from './parsers/gemini.js';
export { parseLegacyNormalizedDetections } from './parsers/legacy-normalized.js';
export { parseOpenAiDetections, parseOpenAiAbsoluteDetections, convertOpenAiBox, scaleDimensionsToMaxEdge, DETECTION_MAX_EDGE_PIXELS } from './parsers/openai.js';
export { parseSpacexaiDetections, convertSpacexaiBox } from './parsers/spacexai.js';
export { parseQwenDetections, readQwenBox, readQwenLabel, convertQwenBox } from './parsers/qwen.js';
export { parseMuseDetections, readMuseBox, convertMuseBox, recoverLooseMuseObjects } from './parsers/muse.js';
export { parseFlorence2Detections, md5ClassId, type FlorenceTask } from './parsers/florence2.js';

// Python-compatible building blocks
export { extractJson, extractDetectorJson, findLooseObjects, type ExtractedJson } from './json/extract-json.js';
export { decodePythonJson, rawDecodePythonJson, PythonInt, type PythonValue, type PythonDict, type DecodeResult } from './json/python-json.js';
export { pythonFloat, clampConfidence } from './numbers/python-float.js';
export { roundHalfEven } from './numbers/round-half-even.js';
export { pythonStr, pythonRepr } from './python/python-str.js';
export { PythonError } from './python/semantics.js';
export type { FailureLogger } from './failure-log.js';
export { MAX_VLM_OUTPUT_LENGTH } from './answer-budget.js';
