import { defineBlock, literalOrSelector } from '@flow/engine';
import { stringKind } from '@flow/kinds';
import { z } from 'zod';
import { detectionColors } from '../color/color-lookup.js';
import { resolvePalette } from '../color/palettes.js';
import { drawOverlay } from '../drawing/draw-overlay.js';
import { LABEL_POSITIONS, labelsSvg } from '../drawing/label-layout.js';
import { DETECTION_LABEL_TEXTS, detectionLabels } from '../text/detection-labels.js';
import { colorFields, copyImageWarning, predictionsField, visualizationFields, visualizationOutputs, type PredictionsInputs } from './common-manifest.js';
import { labelStyleFields, labelStyleOf, type LabelStyleInputs } from './label-fields.js';

const manifest = z.object({
  ...visualizationFields,
  predictions: predictionsField,
  ...colorFields,
  text: literalOrSelector(z.enum(DETECTION_LABEL_TEXTS), [stringKind], {
    description: "Content of the labels: 'Class', 'Confidence', 'Class and Confidence', 'Index', 'Dimensions' (centre and width x height), 'Area', 'Area (mask)', 'Area (converted)', 'Tracker Id' or 'Time In Zone'. Through a selector, any other string names a detections data column.",
  }).default('Class'),
  text_position: literalOrSelector(z.enum(LABEL_POSITIONS), [stringKind], { description: "Anchor of each label relative to its detection's box." }).default('TOP_LEFT'),
  ...labelStyleFields,
});

type Inputs = PredictionsInputs & LabelStyleInputs & { text: string };

export const labelVisualizationV1 = defineBlock<Inputs, typeof manifest>({
  type: 'roboflow_core/label_visualization@v1',
  aliases: ['LabelVisualization'],
  name: 'Label Visualization',
  blockType: 'visualization',
  shortDescription: 'Draw labels on an image at specific coordinates based on provided detections.',
  longDescription:
    'Writes a label on every detection (class, confidence, both, index, dimensions, area, tracker id, time in zone or a data column) on a background in the detection\'s palette colour, anchored at a chosen point of its box. Text is drawn from glyph outlines of a bundled font, so it looks the same on every machine.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { search_keywords: ['annotator'], ui_manifest: { section: 'visualization', icon: 'far fa-tag', blockPriority: 2, popular: true, supervision: true, warnings: [copyImageWarning] } },
  manifest,
  outputs: visualizationOutputs,
  run: async (inputs) => {
    const style = labelStyleOf(inputs);
    if (inputs.predictions.length === 0) return { image: inputs.image }; // nothing to draw: the reference hands back the image as it was
    const palette = resolvePalette(inputs.color_palette, inputs.palette_size, inputs.custom_colors);
    const colors = detectionColors(inputs.predictions, palette, inputs.color_axis);
    const texts = detectionLabels(inputs.predictions, inputs.text);
    const labels = inputs.predictions.xyxy.map((box, row) => ({ box, text: texts[row]!, color: colors[row]! }));
    return { image: await drawOverlay(inputs.image, await labelsSvg(labels, style)) };
  },
});
