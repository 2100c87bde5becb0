import { rgbToCss, type Rgb } from '../color/colors.js';
import { labelFont } from '../text/label-font.js';
import { outlineText } from '../text/text-outline.js';
import { svgNumber } from './draw-overlay.js';

/** Anchor names of supervision's `Position` used for labels. */
export const LABEL_POSITIONS = ['CENTER', 'CENTER_LEFT', 'CENTER_RIGHT', 'TOP_CENTER', 'TOP_LEFT', 'TOP_RIGHT', 'BOTTOM_LEFT', 'BOTTOM_CENTER', 'BOTTOM_RIGHT', 'CENTER_OF_MASS'] as const;
export type LabelPosition = (typeof LABEL_POSITIONS)[number];

export interface LabelStyle {
  position: LabelPosition;
  textColor: Rgb;
  textScale: number;
  textThickness: number;
  textPadding: number;
  borderRadius: number;
}

/** The anchor point of a box (supervision's `get_anchors_coordinates`); CENTER_OF_MASS is the centre here (no masks). */
export function anchorOf([x1, y1, x2, y2]: readonly number[], position: LabelPosition): [number, number] {
  const cx = (x1! + x2!) / 2;
  const cy = (y1! + y2!) / 2;
  switch (position) {
    case 'TOP_LEFT':
      return [x1!, y1!];
    case 'TOP_RIGHT':
      return [x2!, y1!];
    case 'TOP_CENTER':
      return [cx, y1!];
    case 'BOTTOM_LEFT':
      return [x1!, y2!];
    case 'BOTTOM_RIGHT':
      return [x2!, y2!];
    case 'BOTTOM_CENTER':
      return [cx, y2!];
    case 'CENTER_LEFT':
      return [x1!, cy];
    case 'CENTER_RIGHT':
      return [x2!, cy];
    default:
      return [cx, cy];
  }
}

/**
 * Where the label's background goes relative to the anchor (supervision's `resolve_text_background_xyxy`):
 * a TOP_LEFT label sits above the box's top-left corner, a BOTTOM_LEFT one below its bottom-left corner...
 */
export function labelBackground([ax, ay]: [number, number], width: number, height: number, position: LabelPosition): [number, number, number, number] {
  const half = (value: number) => Math.floor(value / 2);
  switch (position) {
    case 'TOP_LEFT':
      return [ax, ay - height, ax + width, ay];
    case 'TOP_RIGHT':
      return [ax - width, ay - height, ax, ay];
    case 'TOP_CENTER':
      return [ax - half(width), ay - height, ax + half(width), ay];
    case 'BOTTOM_LEFT':
      return [ax, ay, ax + width, ay + height];
    case 'BOTTOM_RIGHT':
      return [ax - width, ay, ax, ay + height];
    case 'BOTTOM_CENTER':
      return [ax - half(width), ay, ax + half(width), ay + height];
    case 'CENTER_LEFT':
      return [ax - width, ay - half(height), ax, ay + half(height)];
    case 'CENTER_RIGHT':
      return [ax, ay - half(height), ax + width, ay + half(height)];
    default:
      return [ax - half(width), ay - half(height), ax + half(width), ay + half(height)];
  }
}

/**
 * SVG for labels: per label a filled background (rounded by `borderRadius`) in the label's colour and
 * the text's glyph outlines on it, baseline `padding` above the background's bottom edge less descent.
 */
export async function labelsSvg(labels: ReadonlyArray<{ box: readonly number[]; text: string; color: Rgb }>, style: LabelStyle): Promise<string> {
  const font = await labelFont();
  const parts: string[] = [];
  const textFill = rgbToCss(style.textColor);
  for (const { box, text, color } of labels) {
    const outline = outlineText(font, text, style.textScale);
    const width = outline.width + 2 * style.textPadding;
    const height = outline.height + 2 * style.textPadding;
    const [x1, y1, x2, y2] = labelBackground(anchorOf(box.map(Math.trunc), style.position), width, height, style.position);
    const radius = Math.max(0, Math.min(style.borderRadius, Math.floor((x2 - x1) / 2), Math.floor((y2 - y1) / 2)));
    parts.push(`<rect x="${x1}" y="${y1}" width="${x2 - x1}" height="${y2 - y1}"${radius ? ` rx="${radius}"` : ''} fill="${rgbToCss(color)}"/>`);
    const textX = x1 + style.textPadding;
    const baseline = y1 + style.textPadding + outline.height;
    const stroke = style.textThickness > 1 ? ` stroke="${textFill}" stroke-width="${svgNumber(style.textThickness - 1)}" stroke-linejoin="round"` : '';
    if (outline.path) parts.push(`<path transform="translate(${textX} ${baseline})" d="${outline.path}" fill="${textFill}"${stroke}/>`);
  }
  return parts.join('');
}
