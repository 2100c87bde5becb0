export { visualizationPack } from './pack.js';

// Blocks
export { boundingBoxVisualizationV1, boundingBoxesSvg } from './blocks/bounding-box-visualization.js';
export { labelVisualizationV1 } from './blocks/label-visualization.js';
export { polygonVisualizationV1, polygonsOf } from './blocks/polygon-visualization.js';
export { classificationLabelVisualizationV1, classLabelsOf, classificationLayout } from './blocks/classification-label-visualization.js';

// Drawing helpers
export { drawOverlay } from './drawing/draw-overlay.js';
export { labelsSvg, anchorOf, labelBackground, LABEL_POSITIONS, type LabelPosition, type LabelStyle } from './drawing/label-layout.js';
export { detectionLabels, DETECTION_LABEL_TEXTS } from './text/detection-labels.js';
export { pythonFixed } from './text/python-fixed.js';
export { parseColor, hexToRgb, rgbToCss, type Rgb } from './color/colors.js';
export { resolvePalette, paletteColor, PALETTE_NAMES } from './color/palettes.js';
export { detectionColors } from './color/color-lookup.js';
