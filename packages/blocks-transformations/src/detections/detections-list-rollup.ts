import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { Detections, floatKind, floatZeroToOneKind, listOfValuesKind } from '@flow/kinds';
import { z } from 'zod';
import { detectionKinds } from './detections-kinds.js';
import { mergeCropPredictions, type ConfidenceStrategy } from './merge-crop-predictions.js';

export interface DetectionsListRollupInputs {
  parent_detection: Detections;
  child_detections: Detections[];
  confidence_strategy: ConfidenceStrategy;
  overlap_threshold: number;
  keypoint_merge_threshold: number;
}

const manifest = z.object({
  parent_detection: selector(detectionKinds, { description: 'The detections the crops were cut for; their boxes place the crops in the image.' }),
  child_detections: selector([listOfValuesKind], { description: 'The detections made on each crop, in the order of parent_detection (e.g. from dimension_collapse).' }),
  confidence_strategy: literalOrSelector(z.enum(['max', 'mean', 'min']), [listOfValuesKind], { title: 'Confidence Strategy', description: 'How merged detections combine their confidences.' }).default('max'),
  overlap_threshold: literalOrSelector(z.number().min(0).max(1), [floatZeroToOneKind], { title: 'Overlap Threshold', description: 'Minimum IoU for same-class detections to merge; 0 merges any that touch.' }).default(0),
  keypoint_merge_threshold: literalOrSelector(z.number().min(0), [floatKind], { title: 'Keypoint Merge Threshold', description: 'Keypoint detections merge when their keypoints are on average closer than this (pixels).' }).default(10),
});

/** `roboflow_core/detections_list_rollup@v1` (alias `DetectionsListRollUp`): detections made on crops, merged back into the parent image. */
export const detectionsListRollupV1 = defineBlock<DetectionsListRollupInputs, typeof manifest>({
  type: 'roboflow_core/detections_list_rollup@v1',
  aliases: ['DetectionsListRollUp'],
  name: 'Detections List Roll-Up',
  blockType: 'fusion',
  shortDescription: 'Merges detections made against multiple pieces of input.',
  longDescription:
    'Moves the detections made on each crop into the coordinates of the image the crops were cut from (the crop offset is its parent detection’s top-left corner), merges overlapping detections of one class, and outputs the crops’ zones. Instance masks are not supported (Flow detections carry no masks).',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'advanced', icon: 'fal fa-bring-front', blockPriority: 6 } },
  manifest,
  outputs: { rolled_up_detections: [detectionKinds[1], detectionKinds[0], detectionKinds[2]], crop_zones: [listOfValuesKind] },
  run: ({ parent_detection, child_detections, confidence_strategy, overlap_threshold, keypoint_merge_threshold }) => {
    const { detections, zones } = mergeCropPredictions(parent_detection, child_detections, confidence_strategy, overlap_threshold, keypoint_merge_threshold);
    return { rolled_up_detections: detections, crop_zones: zones };
  },
});
