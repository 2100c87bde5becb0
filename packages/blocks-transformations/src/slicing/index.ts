import { detectionsStitchV1 } from './detections-stitch.js';
import { imageSlicerV1, imageSlicerV2 } from './image-slicer.js';

/** Tiling an image and stitching detections on the tiles back together. */
export const slicingBlocks = [imageSlicerV1, imageSlicerV2, detectionsStitchV1];
