import { WorkflowImage } from '@flow/kinds';
import type { Sharp, SharpOptions } from 'sharp';

type SharpFactory = (input?: Buffer | Uint8Array, options?: SharpOptions) => Sharp;

let sharpModule: Promise<SharpFactory> | undefined;

/** sharp, imported on first use: only blocks that touch pixels pay for the native module. */
export function loadSharp(): Promise<SharpFactory> {
  sharpModule ??= import('sharp').then((module) => (module.default ?? module) as unknown as SharpFactory);
  return sharpModule;
}

interface DecodedImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** Decoded pixels per image, so cutting 256 crops from one image decodes it once. */
const decoded = new WeakMap<WorkflowImage, Promise<DecodedImage>>();

function decode(image: WorkflowImage): Promise<DecodedImage> {
  let pixels = decoded.get(image);
  if (!pixels) {
    pixels = loadSharp().then(async (sharp) => {
      const { data, info } = await sharp(image.bytes).raw().toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height, channels: info.channels };
    });
    decoded.set(image, pixels);
  }
  return pixels;
}

/** A region in pixels: `[x, x + width) x [y, y + height)`, already inside the image. */
export interface PixelRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Cuts `region` out of `parent` as a new image with crop lineage (`WorkflowImage.cropOf`): parent id `id`,
 * and `offset` (where the crop's origin sits in the parent, as the reference records it). JPEG parents give
 * JPEG crops, others lossless PNG.
 */
export async function cutImage(parent: WorkflowImage, region: PixelRegion, id: string, offset: { x: number; y: number } = region): Promise<WorkflowImage> {
  const [sharp, pixels] = await Promise.all([loadSharp(), decode(parent)]);
  const cut = sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } }).extract({
    left: region.x,
    top: region.y,
    width: region.width,
    height: region.height,
  });
  const bytes = await (parent.format === 'jpeg' ? cut.jpeg({ quality: 95 }) : cut.png({ compressionLevel: 1 })).toBuffer();
  return WorkflowImage.cropOf(parent, bytes, { id, offsetX: offset.x, offsetY: offset.y });
}
