import { defineBlockPack } from '@flow/engine';
import { vlmAsClassifierV1 } from './classifier/v1.js';
import { vlmAsClassifierV2 } from './classifier/v2.js';
import { vlmAsDetectorV1 } from './detector/v1.js';
import { vlmAsDetectorV2 } from './detector/v2.js';

/** The four VLM formatter blocks, under the reference's `roboflow_core` namespace. */
export const formattersPack = defineBlockPack({
  name: 'roboflow_core',
  apiVersion: 1,
  blocks: [vlmAsDetectorV1, vlmAsDetectorV2, vlmAsClassifierV1, vlmAsClassifierV2],
});
