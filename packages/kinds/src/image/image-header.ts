import { imageSize } from 'image-size';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp';

export interface ImageHeader {
  format: ImageFormat;
  mediaType: string;
  width: number;
  height: number;
}

const mediaTypes: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
};

const formatsByLibraryName: Record<string, ImageFormat> = {
  jpg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  bmp: 'bmp',
};

export const supportedImageFormats = Object.keys(mediaTypes) as ImageFormat[];

/**
 * Reads format and size from the header only; pixels are never decoded. A JPEG whose EXIF orientation
 * turns it by 90° reports swapped sides, as decoders that auto-orient (OpenCV, sharp) do.
 * Returns a reason string instead of throwing so callers can name the input at fault.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | string {
  if (bytes.length === 0) return 'the image is empty (0 bytes)';
  let info: ReturnType<typeof imageSize>;
  try {
    info = imageSize(bytes);
  } catch {
    return `the bytes are not a supported image (expected ${supportedImageFormats.join(', ')})`;
  }
  const format = info.type === undefined ? undefined : formatsByLibraryName[info.type];
  if (format === undefined) {
    return `image format "${info.type ?? 'unknown'}" is not supported (expected ${supportedImageFormats.join(', ')})`;
  }
  if (!(info.width > 0 && info.height > 0)) return 'the image header declares no size';
  const turned = info.orientation !== undefined && info.orientation >= 5 && info.orientation <= 8;
  return {
    format,
    mediaType: mediaTypes[format],
    width: turned ? info.height : info.width,
    height: turned ? info.width : info.height,
  };
}
