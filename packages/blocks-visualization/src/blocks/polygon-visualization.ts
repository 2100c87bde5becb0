import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { compatibilityKinds, instanceSegmentationPredictionKind, integerKind, type Detections, type Kind } from '@flow/kinds';
import { z } from 'zod';
import { detectionColors } from '../color/color-lookup.js';
import { rgbToCss } from '../color/colors.js';
import { resolvePalette } from '../color/palettes.js';
import { drawOverlay, svgNumber } from '../drawing/draw-overlay.js';
import { colorFields, copyImageWarning, visualizationFields, visualizationOutputs, type PredictionsInputs } from './common-manifest.js';

const rleInstanceSegmentationKind = compatibilityKinds.find((kind) => kind.name === 'rle_instance_segmentation_prediction') as Kind;

const manifest = z.object({
  ...visualizationFields,
  predictions: selector([instanceSegmentationPredictionKind, rleInstanceSegmentationKind], {
    description: 'Instance segmentation predictions. Each outline follows the detection\'s polygon (its `polygon` data column, a list of [x, y] points).',
  }),
  ...colorFields,
  thickness: literalOrSelector(z.number().int(), [integerKind], { description: 'Thickness of the polygon outline in pixels.' }).default(2),
});

type Inputs = PredictionsInputs & { thickness: number };

/**
 * The outline of each detection. Flow's detections carry no masks yet, so the outline is the `polygon`
 * data column (points in image pixels) when a producer set it, and the box otherwise.
 */
export function polygonsOf(detections: Detections): Array<Array<[number, number]>> {
  const column = detections.data.polygon;
  return detections.xyxy.map(([x1, y1, x2, y2], row) => {
    const points = column?.[row];
    if (Array.isArray(points) && points.length >= 3 && points.every((point) => Array.isArray(point) && point.length >= 2 && point.every((value) => typeof value === 'number'))) {
      return (points as number[][]).map(([x, y]) => [x!, y!] as [number, number]);
    }
    return [[x1, y1], [x2, y1], [x2, y2], [x1, y2]];
  });
}

export const polygonVisualizationV1 = defineBlock<Inputs, typeof manifest>({
  type: 'roboflow_core/polygon_visualization@v1',
  aliases: ['PolygonVisualization'],
  name: 'Polygon Visualization',
  blockType: 'visualization',
  shortDescription: 'Draw a polygon around detected objects in an image.',
  longDescription: 'Draws the closed outline of every segmented detection in its palette colour. The output is a new image with the input\'s lineage.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { search_keywords: ['annotator'], ui_manifest: { section: 'visualization', icon: 'far fa-shapes', blockPriority: 1, popular: true, supervision: true, warnings: [copyImageWarning] } },
  manifest,
  outputs: visualizationOutputs,
  run: async (inputs) => {
    const palette = resolvePalette(inputs.color_palette, inputs.palette_size, inputs.custom_colors);
    const colors = detectionColors(inputs.predictions, palette, inputs.color_axis);
    const svg = polygonsOf(inputs.predictions)
      .map((points, row) => `<polygon points="${points.map(([x, y]) => `${svgNumber(Math.trunc(x))},${svgNumber(Math.trunc(y))}`).join(' ')}" fill="none" stroke="${rgbToCss(colors[row]!)}" stroke-width="${Math.max(1, inputs.thickness)}" stroke-linejoin="miter" shape-rendering="crispEdges"/>`)
      .join('');
    return { image: await drawOverlay(inputs.image, svg) };
  },
});
