import sharp from 'sharp';

/** A photo-like gradient with some noise (compresses like a photo, not like a flat test card). */
function photoPixels(width: number, height: number, seed: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed * 2654435761 + 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      const noise = (state >> 24) & 7;
      const offset = (y * width + x) * 3;
      pixels[offset] = ((x * 255) / width + noise) & 255;
      pixels[offset + 1] = ((y * 255) / height + noise) & 255;
      pixels[offset + 2] = (((x + y) * 128) / (width + height) + seed * 7 + noise) & 255;
    }
  }
  return pixels;
}

export async function photoJpeg(width: number, height: number, seed = 1): Promise<Uint8Array> {
  return new Uint8Array(await sharp(photoPixels(width, height, seed), { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer());
}

/** `count` distinct small JPEGs (one seed each, so every one has its own cache key). */
export async function distinctSmallJpegs(count: number, width = 640, height = 480): Promise<Uint8Array[]> {
  const images: Uint8Array[] = [];
  for (let index = 0; index < count; index += 1) images.push(await photoJpeg(width, height, index + 1));
  return images;
}
