import { randomFillSync } from 'node:crypto';

// Random bytes for 256 ids at a time, as crypto.randomUUID buffers its entropy too.
const idsPerFill = 256;
const randomBytes = Buffer.allocUnsafeSlow(16 * idsPerFill);
let idsTaken = idsPerFill;
const idText = Buffer.allocUnsafeSlow(36);
const hexDigits = Buffer.from('0123456789abcdef', 'latin1');

/**
 * A random UUID v4 for a detection id, like `crypto.randomUUID()`. Written into one buffer and read out as
 * one flat string: `randomUUID` builds its text from ~20 concatenations, ~600 bytes of short-lived strings
 * per id, and a ten-box answer makes ten of them per request.
 */
export function newDetectionId(): string {
  if (idsTaken === idsPerFill) {
    randomFillSync(randomBytes);
    idsTaken = 0;
  }
  const offset = idsTaken++ * 16;
  randomBytes[offset + 6] = (randomBytes[offset + 6]! & 0x0f) | 0x40; // version 4
  randomBytes[offset + 8] = (randomBytes[offset + 8]! & 0x3f) | 0x80; // RFC 4122 variant
  let at = 0;
  for (let index = 0; index < 16; index++) {
    if (at === 8 || at === 13 || at === 18 || at === 23) idText[at++] = 0x2d; // '-'
    const byte = randomBytes[offset + index]!;
    idText[at++] = hexDigits[byte >> 4]!;
    idText[at++] = hexDigits[byte & 0x0f]!;
  }
  return idText.toString('latin1', 0, 36);
}
