import { detectionOffsetV1 } from './detection-offset.js';
import { detectionsClassesReplacementV1 } from './detections-classes-replacement.js';
import { detectionsListRollupV1 } from './detections-list-rollup.js';
import { detectionsFilterV1, detectionsTransformationV1 } from './detections-transformation.js';

export { detectionsFilterV1, detectionsTransformationV1, type DetectionsTransformationInputs } from './detections-transformation.js';
export { detectionsClassesReplacementV1, replaceDetectionsClasses, type DetectionsClassesReplacementInputs } from './detections-classes-replacement.js';
export { extractLeadingClass, fallbackClassIdWhenUnset, type LeadingClass } from './extract-leading-class.js';
export { detectionOffsetV1, offsetDetections, type DetectionOffsetInputs } from './detection-offset.js';
export { detectionsListRollupV1, type DetectionsListRollupInputs } from './detections-list-rollup.js';
export { mergeCropPredictions, type ConfidenceStrategy } from './merge-crop-predictions.js';

/** The detections blocks: filter, transformation, classes replacement, offset and list roll-up. */
export const detectionsBlocks = [detectionsFilterV1, detectionsTransformationV1, detectionsClassesReplacementV1, detectionOffsetV1, detectionsListRollupV1];
