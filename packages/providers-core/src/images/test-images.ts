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
  const pixels = Buffer.alloc(width * height * 3);
  let state = 12345;
  for (let index = 0; index < pixels.length; index += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    pixels[index] = state >> 16;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** RGB of one displayed pixel. */
export async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(bytes).rotate().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
}
