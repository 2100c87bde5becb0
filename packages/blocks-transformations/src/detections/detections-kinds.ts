import { instanceSegmentationPredictionKind, keypointDetectionPredictionKind, objectDetectionPredictionKind } from '@flow/kinds';

/** The three detection kinds the reference's detections blocks take and give. */
export const detectionKinds = [objectDetectionPredictionKind, instanceSegmentationPredictionKind, keypointDetectionPredictionKind] as const;
