import { crc32 } from 'node:zlib';
import { WorkflowImage } from '@flow/kinds';

/**
 * The smallest PNG a header reader accepts: the signature, an IHDR chunk declaring `width`×`height`
 * (8-bit RGB) and IEND. No pixel data, so even 4096×2048 test images cost a few bytes.
 */
export function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(2, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/** A test image of the given size whose parent (and root) is `parentId`. */
export function testImage(width: number, height: number, parentId = 'parent'): WorkflowImage {
  return WorkflowImage.fromBytes(pngHeader(width, height), { parentId });
}
