import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngImageHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  return chunk('IHDR', header);
}

/**
 * The smallest PNG a header reader accepts: signature, IHDR and IEND, no pixel data, so even a
 * 4096×2048 test image costs a few bytes. Not decodable: use `makePng` when pixels matter.
 */
export function makePngHeader(width: number, height: number): Buffer {
  return Buffer.concat([pngSignature, pngImageHeader(width, height), chunk('IEND', Buffer.alloc(0))]);
}

/** A real, decodable RGB PNG of the given size filled with one colour (tests only). */
export function makePng(width: number, height: number, rgb: [number, number, number] = [40, 90, 200]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    pngSignature,
    pngImageHeader(width, height),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal JPEG header that declares a size (SOI, APP0, optional EXIF, SOF0, EOI); enough for header readers. */
export function makeJpegHeader(width: number, height: number, exifOrientation?: number): Buffer {
  // SOI, then a JFIF APP0 segment: header readers expect a segment before the frame.
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])];
  if (exifOrientation !== undefined) {
    // APP1 Exif with a little-endian TIFF header and one IFD entry: Orientation (0x0112), SHORT.
    const tiff = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, exifOrientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(payload.length + 2);
    parts.push(Buffer.from([0xff, 0xe1]), length, payload);
  }
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  parts.push(sof, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}
