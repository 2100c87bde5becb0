import { absoluteStaticCropV1 } from './absolute-static-crop.js';
import { dynamicCropV1 } from './dynamic-crop.js';
import { relativeStaticCropV1 } from './relative-static-crop.js';

/** Blocks that cut crops out of images. */
export const cropBlocks = [dynamicCropV1, absoluteStaticCropV1, relativeStaticCropV1];
