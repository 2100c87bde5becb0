/// <reference path="../types/opentype.d.ts" />
import type { Font } from 'opentype.js';

/**
 * Text size as the reference's OpenCV labels have it: `FONT_HERSHEY_SIMPLEX` at scale 1 is about 22 px
 * from baseline to cap top. We size DejaVu Sans so its capitals are that tall times `textScale`.
 */
const capHeightAtScaleOne = 22;

export interface TextOutline {
  /** SVG path data of the glyphs, baseline at y = 0 and the first glyph at x = 0. */
  path: string;
  /** Advance width in pixels. */
  width: number;
  /** Cap height in pixels (what OpenCV's getTextSize reports as the text height). */
  height: number;
}

/**
 * Lays out one line glyph by glyph (advance widths plus kerning; no shaping, which these labels need
 * none of) and returns the outline as one SVG path. `font` comes from `labelFont()`.
 */
export function outlineText(font: Font, text: string, textScale: number): TextOutline {
  const capHeight = (font.tables.os2 as { sCapHeight?: number } | undefined)?.sCapHeight || font.ascender * 0.73;
  const height = Math.max(1, Math.round(capHeightAtScaleOne * textScale));
  const fontSize = (height * font.unitsPerEm) / capHeight;
  const scale = fontSize / font.unitsPerEm;
  let x = 0;
  let previous: ReturnType<typeof font.charToGlyph> | undefined;
  const parts: string[] = [];
  for (const character of text) {
    const glyph = font.charToGlyph(character);
    if (previous) x += font.getKerningValue(previous, glyph) * scale;
    const data = glyph.getPath(x, 0, fontSize).toPathData(2);
    if (data) parts.push(data);
    x += (glyph.advanceWidth ?? 0) * scale;
    previous = glyph;
  }
  return { path: parts.join(''), width: Math.round(x), height };
}
