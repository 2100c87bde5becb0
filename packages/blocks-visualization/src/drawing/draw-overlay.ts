import { WorkflowImage } from '@flow/kinds';

/**
 * Draws an SVG overlay (shapes and glyph outlines, never `<text>`) over an image and returns a new image
 * with the same lineage. The image is auto-oriented first so drawing coordinates match the pixels the
 * detections were made on. PNG stays PNG (lossless, so outputs compare exactly); every other format is
 * written as JPEG at quality 95, as the reference serialises numpy images.
 */
export async function drawOverlay(image: WorkflowImage, overlay: string): Promise<WorkflowImage> {
  // sharp loads libvips: imported on first draw, so loading this pack costs a host nothing until then.
  const { default: sharp } = await import('sharp');
  const width = image.width;
  const height = image.height;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${overlay}</svg>`;
  const pipeline = sharp(image.bytes, { failOn: 'error' }).rotate().composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  const encoded = image.format === 'png' ? await pipeline.png({ compressionLevel: 6 }).toBuffer() : await pipeline.jpeg({ quality: 95 }).toBuffer();
  return WorkflowImage.fromBytes(encoded, {
    parentId: image.parentId,
    parentOrigin: image.parentOrigin,
    rootParentId: image.rootParentId,
    rootParentOrigin: image.rootParentOrigin,
    videoMetadata: image.videoMetadata,
  });
}

/** Numbers in SVG attributes: at most two decimals, no exponent. */
export function svgNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
