import { defineBlockPack } from '@flow/engine';
import { boundingBoxVisualizationV1 } from './blocks/bounding-box-visualization.js';
import { classificationLabelVisualizationV1 } from './blocks/classification-label-visualization.js';
import { labelVisualizationV1 } from './blocks/label-visualization.js';
import { polygonVisualizationV1 } from './blocks/polygon-visualization.js';

/** The visualization blocks, under the reference's `roboflow_core` type ids. */
export const visualizationPack = defineBlockPack({
  name: 'roboflow_core_visualization',
  apiVersion: 1,
  blocks: [boundingBoxVisualizationV1, labelVisualizationV1, polygonVisualizationV1, classificationLabelVisualizationV1],
});
