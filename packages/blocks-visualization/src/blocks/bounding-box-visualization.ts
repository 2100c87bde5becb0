import { defineBlock, literalOrSelector } from '@flow/engine';
import { floatZeroToOneKind, integerKind } from '@flow/kinds';
import { z } from 'zod';
import { detectionColors } from '../color/color-lookup.js';
import { rgbToCss } from '../color/colors.js';
import { resolvePalette } from '../color/palettes.js';
import { drawOverlay, svgNumber } from '../drawing/draw-overlay.js';
import { colorFields, copyImageWarning, predictionsField, visualizationFields, visualizationOutputs, type PredictionsInputs } from './common-manifest.js';

const manifest = z.object({
  ...visualizationFields,
  predictions: predictionsField,
  ...colorFields,
  thickness: literalOrSelector(z.number().int(), [integerKind], {
    description: 'Thickness of the bounding box edges in pixels. Higher values create thicker, more visible box outlines.',
  }).default(2),
  roundness: literalOrSelector(z.number().min(0).max(1), [floatZeroToOneKind], {
    description: 'Roundness of the bounding box corners, from 0.0 (square corners) to 1.0 (fully rounded corners).',
  }).default(0),
});

type Inputs = PredictionsInputs & { thickness: number; roundness: number };

/**
 * Box outlines centred on the box edges like OpenCV's `rectangle` (no anti-aliasing for square boxes,
 * which OpenCV's default line type has none of); rounded corners get radius `roundness * min(w, h) / 2`.
 */
export function boundingBoxesSvg(inputs: Inputs): string {
  const palette = resolvePalette(inputs.color_palette, inputs.palette_size, inputs.custom_colors);
  const colors = detectionColors(inputs.predictions, palette, inputs.color_axis);
  const thickness = Math.max(1, inputs.thickness);
  return inputs.predictions.xyxy
    .map((box, row) => {
      const [x1, y1, x2, y2] = box.map(Math.trunc) as [number, number, number, number];
      const radius = inputs.roundness > 0 ? (inputs.roundness * Math.min(x2 - x1, y2 - y1)) / 2 : 0;
      const corner = radius > 0 ? ` rx="${svgNumber(radius)}"` : ' shape-rendering="crispEdges"';
      return `<rect x="${x1}" y="${y1}" width="${x2 - x1}" height="${y2 - y1}"${corner} fill="none" stroke="${rgbToCss(colors[row]!)}" stroke-width="${thickness}"/>`;
    })
    .join('');
}

export const boundingBoxVisualizationV1 = defineBlock<Inputs, typeof manifest>({
  type: 'roboflow_core/bounding_box_visualization@v1',
  aliases: ['BoundingBoxVisualization'],
  name: 'Bounding Box Visualization',
  blockType: 'visualization',
  shortDescription: 'Draw a box around detected objects in an image.',
  longDescription: 'Draws the outline of every detection, coloured from a palette by class, index or tracker id, with a chosen thickness and corner roundness. The output is a new image with the input\'s lineage.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { search_keywords: ['annotator'], ui_manifest: { section: 'visualization', icon: 'far fa-object-group', blockPriority: 0, supervision: true, popular: true, warnings: [copyImageWarning] } },
  manifest,
  outputs: visualizationOutputs,
  run: async (inputs) => ({ image: await drawOverlay(inputs.image, boundingBoxesSvg(inputs)) }),
});
