import { loadSharp } from '../crops/pixels.js';

/** An RGB PNG whose pixel (x, y) is `[x % 256, y % 256, (x + y) % 256]`, so a crop's pixels tell where it came from. */
export async function gradientPng(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set([x % 256, y % 256, (x + y) % 256], (y * width + x) * 3);
  }
  const sharp = await loadSharp();
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** The RGB value of pixel (x, y) of an encoded image. */
export async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<number[]> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [...data.subarray(offset, offset + 3)];
}
