/// <reference path="../types/opentype.d.ts" />
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'opentype.js';

/**
 * DejaVu Sans (regular, latin subset) from the `@fontsource/dejavu-sans` npm package. Glyph outlines are
 * read with opentype.js and drawn as SVG paths, so labels never depend on fontconfig or the fonts a
 * machine happens to have: the same text gives the same pixels everywhere. Loaded on first use, so a
 * host that never draws a label never pays for the parser or the file.
 */
const fontFile = '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff';

let loading: Promise<Font> | undefined;

export function labelFont(): Promise<Font> {
  loading ??= (async () => {
    const [{ default: opentype }, bytes] = await Promise.all([import('opentype.js'), readFile(createRequire(import.meta.url).resolve(fontFile))]);
    return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  })();
  return loading;
}
