import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ImagePart } from '../model/language-model.js';
import { readImageHeader } from './image-header.js';
import { imageLimitPresets } from './image-limits.js';
import { ImagePreparationError } from './image-preparation-error.js';
import { prepareImage } from './prepare-image.js';
import { encodeAs, jpeg, pixelAt, png, screenshotPng } from './test-images.js';

const part = (data: Uint8Array, mediaType: string, detail?: ImagePart['detail']): ImagePart => ({ type: 'image', data, mediaType, ...(detail ? { detail } : {}) });

async function described(bytes: Uint8Array) {
  const metadata = await sharp(bytes).metadata();
  return { format: metadata.format, width: metadata.width, height: metadata.height, orientation: metadata.orientation };
}

describe('prepareImage', () => {
  it('sends a JPEG or PNG that already fits byte for byte (the same part back)', async () => {
    for (const [bytes, mediaType] of [
      [await jpeg(640, 480), 'image/jpeg'],
      [await png(700, 300), 'image/png'],
    ] as const) {
      const original = part(bytes, mediaType, 'high');
      const prepared = await prepareImage(original, imageLimitPresets.openaiHigh);
      expect(prepared).toBe(original);
      expect(prepared.data).toBe(bytes);
    }
  });

  it('downscales a 24-megapixel photo to what OpenAI high detail uses, as JPEG', async () => {
    const prepared = await prepareImage(part(await jpeg(6000, 4000), 'image/jpeg', 'high'), imageLimitPresets.openaiHigh);
    expect(await described(prepared.data)).toMatchObject({ format: 'jpeg', width: 1152, height: 768 });
    expect(prepared).toMatchObject({ mediaType: 'image/jpeg', detail: 'high' });
  });

  it('keeps a detailed PNG a PNG, scaled within Claude\'s long edge and pixel budget', async () => {
    const detailed = await png(2560, 1440, { noise: true });
    const { maxBytes: _ignored, ...withoutByteLimit } = imageLimitPresets.anthropic;
    const prepared = await prepareImage(part(detailed, 'image/png'), { ...withoutByteLimit, key: 'test:anthropic-no-bytes' });
    const { format, width, height } = await described(prepared.data);
    expect(format).toBe('png');
    expect(prepared.mediaType).toBe('image/png');
    expect(Math.max(width!, height!)).toBeLessThanOrEqual(1568);
    expect(width! * height!).toBeLessThanOrEqual(1_150_000);
    // Aspect ratio kept to within a pixel.
    expect(Math.abs(width! / height! - 2560 / 1440)).toBeLessThan(0.01);
    expect(width).toBeGreaterThan(1400);
  });

  it('sends the original screenshot when a downscaled copy would not be smaller in bytes', async () => {
    // Thin dark strokes on white: resampling turns them into grey ramps that PNG compresses worse.
    const screenshot = await screenshotPng(3840, 2160);
    expect(await prepareImage(part(screenshot, 'image/png'), imageLimitPresets.anthropic)).toMatchObject({ data: screenshot });
    const original = part(screenshot, 'image/png');
    expect(await prepareImage(original, imageLimitPresets.openaiHigh)).toBe(original);
    // When the copy is smaller (low detail: 512 px), the copy goes.
    const low = await prepareImage(original, imageLimitPresets.openaiLow);
    expect(low.data.byteLength).toBeLessThan(screenshot.byteLength);
    expect(await described(low.data)).toMatchObject({ format: 'png', width: 512, height: 288 });
  });

  it('strict limits (a size the caller must send at) cut even a screenshot whose copy is larger', async () => {
    const screenshot = await screenshotPng(3840, 2160);
    const strict = await prepareImage(part(screenshot, 'image/png'), { ...imageLimitPresets.anthropic, key: 'anthropic:strict', strict: true });
    const size = await described(strict.data);
    expect(size.format).toBe('png');
    expect(size.width! <= 1568 && size.width! * size.height! <= 1_150_000).toBe(true);
    // A flat PNG that skips the decode without `strict` is cut too.
    const flat = await png(2000, 1000);
    const cut = await prepareImage(part(flat, 'image/png'), { key: 'max-512:strict', maxLongEdge: 512, strict: true });
    expect(await described(cut.data)).toMatchObject({ width: 512, height: 256 });
  });

  it('applies the EXIF orientation of a JPEG that otherwise fits, and drops the tag', async () => {
    // Stored 400x200, left half red; orientation 6 means "turn 90° clockwise to display": 200x400, red on top.
    const rotated = await jpeg(400, 200, { orientation: 6 });
    expect(readImageHeader(rotated)).toMatchObject({ width: 200, height: 400, needsOrientation: true });
    const prepared = await prepareImage(part(rotated, 'image/jpeg'), imageLimitPresets.openaiHigh);
    expect(prepared.data).not.toBe(rotated);
    const metadata = await described(prepared.data);
    expect(metadata).toMatchObject({ format: 'jpeg', width: 200, height: 400 });
    expect(metadata.orientation ?? 1).toBe(1);
    const top = await pixelAt(prepared.data, 100, 50);
    const bottom = await pixelAt(prepared.data, 100, 350);
    expect(top[0]).toBeGreaterThan(180);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(180);
    expect(bottom[0]).toBeLessThan(60);
  });

  it('turns a PNG over the byte limit into a JPEG that fits it', async () => {
    const noisy = await png(1000, 1000, { noise: true });
    const limits = { key: 'test:200k', maxBytes: 200_000 };
    expect(noisy.byteLength).toBeGreaterThan(200_000);
    const prepared = await prepareImage(part(noisy, 'image/png'), limits);
    expect(prepared.mediaType).toBe('image/jpeg');
    expect(prepared.data.byteLength).toBeLessThanOrEqual(200_000);
  });

  it('shrinks an incompressible image until it fits a small byte budget', async () => {
    const prepared = await prepareImage(part(await jpeg(1200, 800, { noise: true }), 'image/jpeg'), { key: 'test:40k', maxBytes: 40_000 });
    expect(prepared.data.byteLength).toBeLessThanOrEqual(40_000);
    expect((await described(prepared.data)).width).toBeLessThan(1200);
  });

  it('re-encodes types the vendor does not accept: TIFF to PNG, WebP to JPEG for Llama', async () => {
    const fromTiff = await prepareImage(part(await encodeAs('tiff', 300, 200), 'image/tiff'), { key: 'test:default' });
    expect(fromTiff.mediaType).toBe('image/png');
    expect(await described(fromTiff.data)).toMatchObject({ format: 'png', width: 300, height: 200 });
    const fromWebp = await prepareImage(part(await encodeAs('webp', 300, 200), 'image/webp'), imageLimitPresets.llama32Vision);
    expect(fromWebp.mediaType).toBe('image/jpeg');
    // WebP is accepted by OpenAI: sent as it is.
    const webp = part(await encodeAs('webp', 300, 200), 'image/webp');
    expect(await prepareImage(webp, imageLimitPresets.openaiHigh)).toBe(webp);
  });

  it('corrects a wrong media type without touching the bytes', async () => {
    const bytes = await jpeg(100, 100);
    const prepared = await prepareImage(part(bytes, 'image/png'), imageLimitPresets.openaiLow);
    expect(prepared.data).toBe(bytes);
    expect(prepared.mediaType).toBe('image/jpeg');
  });

  it('fits OpenAI low detail within 512 x 512 and Llama 3.2 Vision within four 560-px tiles', async () => {
    const photo = await jpeg(3000, 2000);
    expect(await described((await prepareImage(part(photo, 'image/jpeg'), imageLimitPresets.openaiLow)).data)).toMatchObject({ width: 512, height: 341 });
    const llama = await described((await prepareImage(part(photo, 'image/jpeg'), imageLimitPresets.llama32Vision)).data);
    expect(llama.width! * llama.height!).toBeLessThanOrEqual(1120 * 1120);
  });

  it('memoises per image bytes and limits key: the same bytes come back for the same pair', async () => {
    const photo = part(await jpeg(4000, 3000), 'image/jpeg');
    const first = await prepareImage(photo, imageLimitPresets.openaiHigh);
    const again = await prepareImage({ ...photo }, imageLimitPresets.openaiHigh);
    const other = await prepareImage(photo, imageLimitPresets.anthropic);
    expect(again.data).toBe(first.data);
    expect(other.data).not.toBe(first.data);
    // Equal bytes in another array are another image for the memo (identity, not content), but the same result.
    const copy = await prepareImage(part(new Uint8Array(photo.data), 'image/jpeg'), imageLimitPresets.openaiHigh);
    expect(copy.data).not.toBe(first.data);
    expect(Buffer.from(copy.data).equals(Buffer.from(first.data))).toBe(true);
  });

  it('refuses bytes that are not an image with a clear, stable error', async () => {
    const error = await prepareImage(part(new TextEncoder().encode('<html>not an image</html>'), 'image/jpeg'), imageLimitPresets.openaiHigh).catch((caught: unknown) => caught);
    expect(ImagePreparationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'IMAGE_PREPARATION_FAILED' });
    expect((error as Error).message).toContain('is not a readable image');
    // A truncated JPEG: the header reads, the pixels do not.
    const whole = await jpeg(1000, 1000);
    const truncated = await prepareImage(part(whole.subarray(0, 2_000), 'image/jpeg'), { key: 'test:small', maxLongEdge: 100 }).catch((caught: unknown) => caught);
    expect(ImagePreparationError.isInstance(truncated)).toBe(true);
    expect((truncated as Error).message).toContain('could not be decoded');
  });
});
