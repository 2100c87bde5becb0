import { randomBytes } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';

/** Test images made on the fly, so no binary fixtures live in the repository. */

export async function jpeg(width: number, height: number, options: { orientation?: number; noise?: boolean } = {}): Promise<Uint8Array> {
  let image = options.noise ? noiseImage(width, height) : halves(width, height);
  if (options.orientation !== undefined) image = image.withMetadata({ orientation: options.orientation });
  return new Uint8Array(await image.jpeg({ quality: 90 }).toBuffer());
}

export async function png(width: number, height: number, options: { noise?: boolean } = {}): Promise<Uint8Array> {
  return new Uint8Array(await (options.noise ? noiseImage(width, height) : halves(width, height)).png().toBuffer());
}

export async function encodeAs(format: 'webp' | 'tiff' | 'gif', width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await halves(width, height)[format]().toBuffer());
}

/** Left half red, right half blue: lets a test tell which way an image was turned. */
function halves(width: number, height: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      if (x < width / 2) pixels[offset] = 230;
      else pixels[offset + 2] = 230;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** Incompressible pixels (a worst case for byte limits). */
function noiseImage(width: number, height: number): Sharp {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });
}

/** RGB of one displayed pixel. */
export async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(bytes).rotate().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
}

/** A UI screenshot: white page, grey sidebar, rows of dark "text" strokes, a few coloured buttons. */
export async function screenshotPng(width: number, height: number): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3, 255);
  const paint = (x0: number, y0: number, w: number, h: number, rgb: [number, number, number]) => {
    for (let y = y0; y < Math.min(height, y0 + h); y += 1) {
      for (let x = x0; x < Math.min(width, x0 + w); x += 1) {
        const offset = (y * width + x) * 3;
        pixels[offset] = rgb[0];
        pixels[offset + 1] = rgb[1];
        pixels[offset + 2] = rgb[2];
      }
    }
  };
  paint(0, 0, Math.floor(width * 0.18), height, [238, 240, 243]);
  paint(0, 0, width, 64, [32, 48, 72]);
  for (let row = 0; row * 28 + 120 < height - 40; row += 1) {
    let x = Math.floor(width * 0.2);
    const y = row * 28 + 120;
    for (let word = 0; x < width - 80 && word < 40; word += 1) {
      const length = 18 + ((row * 31 + word * 17) % 70);
      paint(x, y, length, 12, [40, 40, 40]);
      x += length + 10;
    }
  }
  for (let button = 0; button < 6; button += 1) paint(Math.floor(width * 0.2) + button * 220, height - 120, 180, 48, [20 + button * 30, 110, 220 - button * 20]);
  return new Uint8Array(await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer());
}
