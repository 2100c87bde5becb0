import { defineBlock, literalOrSelector, stepOutputSelector } from '@flow/engine';
import { classificationPredictionKind, stringKind } from '@flow/kinds';
import { z } from 'zod';
import { resolvePalette, paletteColor } from '../color/palettes.js';
import { drawOverlay } from '../drawing/draw-overlay.js';
import { labelsSvg } from '../drawing/label-layout.js';
import { pythonFixed } from '../text/python-fixed.js';
import { colorFields, copyImageWarning, visualizationFields, visualizationOutputs, type ColorInputs, type VisualizationInputs } from './common-manifest.js';
import { labelStyleFields, labelStyleOf, type LabelStyleInputs } from './label-fields.js';

const CLASSIFICATION_POSITIONS = ['CENTER', 'CENTER_LEFT', 'CENTER_RIGHT', 'TOP_CENTER', 'TOP_LEFT', 'TOP_RIGHT', 'BOTTOM_LEFT', 'BOTTOM_CENTER', 'BOTTOM_RIGHT'] as const;

const manifest = z.object({
  ...visualizationFields,
  ...colorFields,
  text: literalOrSelector(z.enum(['Class', 'Confidence', 'Class and Confidence']), [stringKind], {
    description: "Content of the labels: 'Class', 'Confidence' (two decimals) or 'Class and Confidence'.",
  }).default('Class'),
  text_position: literalOrSelector(z.enum(CLASSIFICATION_POSITIONS), [stringKind], {
    description: 'Where the labels go on the image; multi-label predictions stack their labels at that place.',
  }).default('TOP_LEFT'),
  predictions: stepOutputSelector([classificationPredictionKind], {
    description: 'Classification predictions from a single-label or multi-label classifier; the format is detected.',
  }),
  ...labelStyleFields,
});

type Inputs = VisualizationInputs & ColorInputs & LabelStyleInputs & { text: 'Class' | 'Confidence' | 'Class and Confidence'; predictions: Record<string, unknown> };

interface ClassLabel {
  class: string;
  class_id: number;
  confidence: number;
}

/** Single-label: the top prediction; multi-label: every predicted class, most confident first (as the reference). */
export function classLabelsOf(predictions: Record<string, unknown>): ClassLabel[] {
  const list = predictions.predictions;
  const read = (entry: unknown, name?: string): ClassLabel => {
    const record = entry as { class?: unknown; class_id?: unknown; confidence?: unknown };
    const className = name ?? record.class;
    if (typeof className !== 'string' || typeof record.confidence !== 'number') throw new Error('Invalid prediction format: each prediction needs a class name and a confidence. Please check that the predictions come from a classifier.');
    return { class: className, class_id: typeof record.class_id === 'number' ? record.class_id : 0, confidence: record.confidence };
  };
  if (Array.isArray(list)) return list.map((entry) => read(entry)).sort((a, b) => b.confidence - a.confidence).slice(0, 1);
  const predicted = predictions.predicted_classes;
  if (!Array.isArray(predicted) || typeof list !== 'object' || list === null) throw new Error('Invalid prediction format: expected single-label "predictions" (a list) or multi-label "predicted_classes" with "predictions" (a dict).');
  return predicted.map((name) => read((list as Record<string, unknown>)[String(name)], String(name))).sort((a, b) => b.confidence - a.confidence);
}

function labelText(label: ClassLabel, text: Inputs['text']): string {
  if (text === 'Class') return label.class;
  if (text === 'Confidence') return pythonFixed(label.confidence, 2);
  return `${label.class} ${pythonFixed(label.confidence, 2)}`;
}

/**
 * The reference's layout: each label gets a pseudo box whose anchor is where its label goes, rows
 * `20 * scale + 2 * padding + 2 * thickness + 5` pixels apart from the chosen edge or centred.
 */
export function classificationLayout(labels: ClassLabel[], inputs: Pick<Inputs, 'text' | 'text_position' | 'text_scale' | 'text_padding' | 'text_thickness'>, width: number, height: number) {
  const spacing = 20 * inputs.text_scale + inputs.text_padding * 2 + inputs.text_thickness * 2 + 5;
  const texts = labels.map((label) => labelText(label, inputs.text));
  const position = inputs.text_position;
  if (position.startsWith('BOTTOM')) {
    const reversed = [...labels].reverse();
    return reversed.map((label, index) => ({ label, text: labelText(label, inputs.text), box: [0, 0, width, height - (spacing + index * spacing)] }));
  }
  if (position.startsWith('CENTER')) {
    const total = spacing * labels.length;
    const startY = Math.max(0, Math.min((height - total) / 2, height - total));
    const labelWidth = Math.max(...texts.map((text) => text.length)) * 15 * inputs.text_scale + inputs.text_padding * 2;
    const extra = 20 + Math.max(0, 10 - inputs.text_padding) * 3;
    return labels.map((label, index) => {
      const top = startY + index * spacing;
      const bottom = startY + (index + 1) * spacing;
      const box = position === 'CENTER_LEFT' ? [labelWidth + extra, top, width, bottom] : position === 'CENTER_RIGHT' ? [0, top, width - (labelWidth + extra), bottom] : [0, top, width, bottom];
      return { label, text: texts[index]!, box };
    });
  }
  return labels.map((label, index) => ({ label, text: texts[index]!, box: [0, spacing + index * spacing, width, height] }));
}

export const classificationLabelVisualizationV1 = defineBlock<Inputs, typeof manifest>({
  type: 'roboflow_core/classification_label_visualization@v1',
  name: 'Classification Label Visualization',
  blockType: 'visualization',
  shortDescription: 'Visualize both single-label and multi-label classification predictions with customizable display options.',
  longDescription:
    'Writes the top class (single-label) or every predicted class (multi-label, most confident first) on the image at a chosen place, each on a background in its palette colour. Text is drawn from glyph outlines of a bundled font.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { search_keywords: ['annotator'], ui_manifest: { section: 'visualization', icon: 'far fa-tags', blockPriority: 2.5, supervision: true, warnings: [copyImageWarning] } },
  manifest,
  outputs: visualizationOutputs,
  run: async (inputs) => {
    const style = labelStyleOf(inputs);
    const labels = classLabelsOf(inputs.predictions);
    if (labels.length === 0) return { image: inputs.image };
    const palette = resolvePalette(inputs.color_palette, inputs.palette_size, inputs.custom_colors);
    const layout = classificationLayout(labels, inputs, inputs.image.width, inputs.image.height);
    // The reference's pseudo detections carry the class ids, index order and tracker id 0.
    const colorIndex = (entry: (typeof layout)[number], index: number) => (inputs.color_axis === 'CLASS' ? entry.label.class_id : inputs.color_axis === 'INDEX' ? index : 0);
    const svg = await labelsSvg(
      layout.map((entry, index) => ({ box: entry.box, text: entry.text, color: paletteColor(palette, colorIndex(entry, index)) })),
      style,
    );
    return { image: await drawOverlay(inputs.image, svg) };
  },
});
