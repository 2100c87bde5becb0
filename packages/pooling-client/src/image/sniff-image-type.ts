/** Magic numbers of the image formats vision models are usually fed. */
const signatures: { mediaType: string; matches(bytes: Uint8Array): boolean }[] = [
  { mediaType: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mediaType: 'image/png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { mediaType: 'image/gif', matches: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  {
    mediaType: 'image/webp',
    matches: (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
  },
  { mediaType: 'image/bmp', matches: (b) => b[0] === 0x42 && b[1] === 0x4d },
  {
    mediaType: 'image/tiff',
    matches: (b) => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0x00) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0x00 && b[3] === 0x2a),
  },
];

/** The media type of encoded image bytes, from their first bytes, or `undefined` if unrecognised. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  return signatures.find((signature) => signature.matches(bytes))?.mediaType;
}
