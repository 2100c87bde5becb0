import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype, { type Font } from 'opentype.js';

/**
 * DejaVu Sans (regular, latin subset) from the `@fontsource/dejavu-sans` npm package. Glyph outlines are
 * read with opentype.js and drawn as SVG paths, so labels never depend on fontconfig or the fonts a
 * machine happens to have: the same text gives the same pixels everywhere.
 */
const fontFile = '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff';

let loaded: Font | undefined;

export function labelFont(): Font {
  if (!loaded) {
    const bytes = readFileSync(createRequire(import.meta.url).resolve(fontFile));
    loaded = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
  return loaded;
}
