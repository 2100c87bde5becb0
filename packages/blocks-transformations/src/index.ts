import { transformationsPack } from './pack.js';

export { transformationsPack, dimensionBlocks } from './pack.js';
/** The pack, for hosts that load packs by module name (`FLOW_PLUGINS=@flow/blocks-transformations`). */
export { transformationsPack as pack };
export { cropBlocks } from './crops/index.js';
export { slicingBlocks } from './slicing/index.js';

export { dynamicCropV1, cropDetections, type DynamicCropInputs } from './crops/dynamic-crop.js';
export { absoluteStaticCropV1, type AbsoluteStaticCropInputs } from './crops/absolute-static-crop.js';
export { relativeStaticCropV1, type RelativeStaticCropInputs } from './crops/relative-static-crop.js';
export { imageSlicerV1, imageSlicerV2, imageSlicerBlock, type ImageSlicerInputs } from './slicing/image-slicer.js';
export { sliceOffsetsV1, sliceOffsetsV2, type SliceBox } from './slicing/slice-offsets.js';
export { detectionsStitchV1, type DetectionsStitchInputs } from './slicing/detections-stitch.js';
export { nonMaxSuppression, nonMaxMerge, boxIou } from './slicing/overlap-filter.js';
export { dimensionCollapseV1 } from './dimension-collapse/dimension-collapse.js';
export { cutImage, loadSharp, type PixelRegion } from './crops/pixels.js';

// Detections blocks (filter, transformation, classes replacement, offset, list roll-up).
export * from './detections/index.js';
