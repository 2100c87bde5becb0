import type { ImagePart } from '../model/language-model.js';
import { fitSize, fitsWithin } from './fit-size.js';
import { readImageHeader } from './image-header.js';
import { defaultAcceptedMediaTypes, type ImageLimits } from './image-limits.js';
import { ImagePreparationError } from './image-preparation-error.js';

export { defaultAcceptedMediaTypes, imageLimitPresets, type ImageLimits } from './image-limits.js';
export { ImagePreparationError } from './image-preparation-error.js';

type Sharp = (typeof import('sharp'))['default'];

let sharpModule: Promise<Sharp> | undefined;

/** sharp is a native module of some size: load it only the first time an image really has to be decoded. */
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((module) => module.default);
  return sharpModule;
}

/** Formats kept as they are when re-encoding; anything else becomes PNG (lossless sources) or JPEG. */
const losslessSources = new Set(['image/png', 'image/gif', 'image/bmp', 'image/tiff']);
const JPEG_QUALITY = 90;
/**
 * Bytes per pixel of the downscaled size under which a PNG counts as flat. Screenshots of UIs and documents
 * compress to ~0.1 byte per pixel, photos saved as PNG to 1.5 or more; downscaling a flat image adds grey edges
 * that make its PNG larger, not smaller.
 */
const FLAT_PNG_BYTES_PER_TARGET_PIXEL = 0.5;

interface Prepared {
  data: Uint8Array;
  mediaType: string;
}

/** Per image bytes, per limits key: the preparation, so an image sent to one vendor N times is prepared once. */
const preparations = new WeakMap<Uint8Array, Map<string, Promise<Prepared>>>();

/**
 * Orients and downscales an image to what the vendor can use, once per (image bytes, `limits.key`). A JPEG or PNG
 * (any accepted type) that already fits and needs no EXIF rotation is returned byte for byte, and sharp is not even
 * loaded: only its header is read. Otherwise sharp auto-orients it, downscales it only if it exceeds a limit, and
 * re-encodes it: PNG stays PNG (screenshots keep sharp text) unless over the byte limit, photos become JPEG q90,
 * types the vendor does not accept become PNG or JPEG. When an image is only too large in pixels and the downscaled
 * copy is not smaller in bytes, the original is sent: the vendor downscales it the same way, so fewer bytes win.
 */
export async function prepareImage(part: ImagePart, limits: ImageLimits): Promise<ImagePart> {
  let byLimits = preparations.get(part.data);
  if (!byLimits) {
    byLimits = new Map();
    preparations.set(part.data, byLimits);
  }
  let pending = byLimits.get(limits.key);
  if (!pending) {
    pending = prepare(part, limits);
    byLimits.set(limits.key, pending);
    // A failure is not remembered: the next call tries again (and reports again).
    pending.catch(() => byLimits!.delete(limits.key));
  }
  const prepared = await pending;
  return prepared.data === part.data && prepared.mediaType === part.mediaType ? part : { ...part, data: prepared.data, mediaType: prepared.mediaType };
}

async function prepare(part: ImagePart, limits: ImageLimits): Promise<Prepared> {
  const header = readImageHeader(part.data);
  if (!header) {
    throw new ImagePreparationError(
      `The image (${part.data.byteLength} bytes, said to be ${part.mediaType}) is not a readable image: its header names no known format or size.`,
      { mediaType: part.mediaType, bytes: part.data.byteLength, limits: limits.key },
    );
  }
  const accepted = limits.mediaTypes ?? defaultAcceptedMediaTypes;
  const fitsBytes = limits.maxBytes === undefined || part.data.byteLength <= limits.maxBytes;
  const sendableAsIs = accepted.includes(header.mediaType) && !header.needsOrientation && fitsBytes;
  if (sendableAsIs && fitsWithin(header.width, header.height, limits)) return { data: part.data, mediaType: header.mediaType };
  if (sendableAsIs && header.mediaType === 'image/png' && !limits.strict) {
    // A PNG this small for the size it would be cut to is flat (a screenshot): its downscaled copy would not be
    // smaller, so skip the decode and send it; the vendor downscales it itself.
    const target = fitSize(header.width, header.height, limits);
    if (part.data.byteLength <= FLAT_PNG_BYTES_PER_TARGET_PIXEL * target.width * target.height) return { data: part.data, mediaType: header.mediaType };
  }
  const reencoded = await reencode(part, header.mediaType, header.width, header.height, limits, accepted);
  // Only too large in pixels, and the smaller copy is not smaller in bytes (a flat screenshot: resampling adds
  // grey edges that compress worse): the vendor downscales the original the same way, so send the fewer bytes.
  if (sendableAsIs && !limits.strict && reencoded.data.byteLength >= part.data.byteLength) return { data: part.data, mediaType: header.mediaType };
  return reencoded;
}

async function reencode(part: ImagePart, sourceType: string, width: number, height: number, limits: ImageLimits, accepted: readonly string[]): Promise<Prepared> {
  const sharp = await loadSharp();
  const target = fitSize(width, height, limits);
  const keepsFormat = accepted.includes(sourceType) && (sourceType === 'image/png' || sourceType === 'image/jpeg' || sourceType === 'image/webp');
  let format: 'png' | 'jpeg' | 'webp' =
    keepsFormat ? (sourceType.slice('image/'.length) as 'png' | 'jpeg' | 'webp') : losslessSources.has(sourceType) && accepted.includes('image/png') ? 'png' : 'jpeg';
  if (format === 'jpeg' && !accepted.includes('image/jpeg')) format = accepted.includes('image/png') ? 'png' : 'webp';
  let size = { width: target.width, height: target.height };
  try {
    for (let round = 0; round < 8; round += 1) {
      const encoded = await encode(sharp, part.data, size, format, round);
      if (limits.maxBytes === undefined || encoded.byteLength <= limits.maxBytes) {
        return { data: encoded, mediaType: `image/${format}` };
      }
      // Over the byte limit: a PNG becomes JPEG first (photos saved as PNG are large), then JPEG quality drops,
      // then the image shrinks by a quarter per round.
      if (format === 'png' && accepted.includes('image/jpeg')) format = 'jpeg';
      else if (round >= 2) size = { width: Math.max(1, Math.floor(size.width * 0.75)), height: Math.max(1, Math.floor(size.height * 0.75)) };
    }
  } catch (error) {
    throw new ImagePreparationError(
      `The image (${sourceType}, ${width}x${height}) could not be decoded or re-encoded: ${error instanceof Error ? error.message : String(error)}`,
      { mediaType: sourceType, width, height, limits: limits.key },
      error,
    );
  }
  throw new ImagePreparationError(`The image (${sourceType}, ${width}x${height}) does not fit in ${limits.maxBytes} bytes even after shrinking it.`, {
    mediaType: sourceType,
    width,
    height,
    limits: limits.key,
  });
}

async function encode(sharp: Sharp, bytes: Uint8Array, size: { width: number; height: number }, format: 'png' | 'jpeg' | 'webp', round: number): Promise<Uint8Array> {
  // `rotate()` without an angle applies the EXIF orientation and drops the tag; resize runs after it, on displayed sides.
  let pipeline = sharp(bytes, { failOn: 'truncated' }).rotate().resize(size.width, size.height, { fit: 'fill' });
  const quality = Math.max(60, JPEG_QUALITY - 10 * Math.max(0, round - 1));
  if (format === 'jpeg') pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: false });
  else if (format === 'png') pipeline = pipeline.png({ compressionLevel: 6 });
  else pipeline = pipeline.webp({ quality });
  const buffer = await pipeline.toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
