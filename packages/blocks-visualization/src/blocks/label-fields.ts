import { literalOrSelector } from '@flow/engine';
import { floatKind, integerKind, stringKind } from '@flow/kinds';
import { z } from 'zod';
import { parseColor } from '../color/colors.js';
import type { LabelPosition, LabelStyle } from '../drawing/label-layout.js';

/** Text styling shared by label_visualization and classification_label_visualization. */
export const labelStyleFields = {
  text_color: literalOrSelector(z.string(), [stringKind], {
    description: "Color of the label text: a color name (e.g. 'WHITE', 'BLACK'), HEX ('#FFFFFF') or RGB ('rgb(255, 255, 255)').",
  }).default('WHITE'),
  text_scale: literalOrSelector(z.number(), [floatKind], { description: 'Scale factor for text size. Higher values create larger text. Default is 1.0.' }).default(1),
  text_thickness: literalOrSelector(z.number().int(), [integerKind], { description: 'Thickness of text characters in pixels. Higher values create bolder text.' }).default(1),
  text_padding: literalOrSelector(z.number().int(), [integerKind], { description: 'Padding around the text in pixels, between the text and the label background border.' }).default(10),
  border_radius: literalOrSelector(z.number().int(), [integerKind], { description: 'Border radius of the label background in pixels. 0 gives square corners.' }).default(0),
};

export interface LabelStyleInputs {
  text_position: LabelPosition;
  text_color: string;
  text_scale: number;
  text_thickness: number;
  text_padding: number;
  border_radius: number;
}

export function labelStyleOf(inputs: LabelStyleInputs): LabelStyle {
  if (!(inputs.text_scale > 0)) throw new Error(`text_scale must be greater than 0, got ${inputs.text_scale}.`);
  return {
    position: inputs.text_position,
    textColor: parseColor(inputs.text_color),
    textScale: inputs.text_scale,
    textThickness: Math.max(1, inputs.text_thickness),
    textPadding: Math.max(0, inputs.text_padding),
    borderRadius: Math.max(0, inputs.border_radius),
  };
}
