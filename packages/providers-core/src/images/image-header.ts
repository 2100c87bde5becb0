import { imageSize } from 'image-size';

export interface ImageHeader {
  /** Media type sniffed from the bytes (`image/jpeg` ...), whatever the part claimed. */
  mediaType: string;
  /** Size as displayed, i.e. after EXIF orientation (sides swapped for a 90° turn). */
  width: number;
  height: number;
  /** EXIF orientation 2..8 means pixels must be turned or flipped before upload; 1 or none means as stored. */
  needsOrientation: boolean;
}

const mediaTypesByLibraryName: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
  heif: 'image/heif',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** Reads format, size and orientation from the header alone (no decoding, no sharp); `undefined` if unreadable. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  let info: ReturnType<typeof imageSize>;
  try {
    info = imageSize(bytes);
  } catch {
    return undefined;
  }
  if (!(info.width > 0 && info.height > 0) || info.type === undefined) return undefined;
  const orientation = info.orientation ?? 1;
  const turned = orientation >= 5 && orientation <= 8;
  return {
    mediaType: mediaTypesByLibraryName[info.type] ?? `image/${info.type}`,
    width: turned ? info.height : info.width,
    height: turned ? info.width : info.height,
    needsOrientation: orientation > 1 && orientation <= 8,
  };
}
