import { defineBlockPack } from '@flow/engine';
import { cropBlocks } from './crops/index.js';
import { dimensionCollapseV1 } from './dimension-collapse/dimension-collapse.js';
import { detectionsBlocks } from './detections/index.js';
import { slicingBlocks } from './slicing/index.js';

/** Blocks that change the dimensionality of the data: crops, slices, stitching and collapse. */
export const dimensionBlocks = [...cropBlocks, ...slicingBlocks, dimensionCollapseV1];

/** Every block of this package, under the reference's `roboflow_core` namespace. */
export const transformationsPack = defineBlockPack({
  name: 'roboflow_core',
  apiVersion: 1,
  blocks: [...dimensionBlocks, ...detectionsBlocks],
});
