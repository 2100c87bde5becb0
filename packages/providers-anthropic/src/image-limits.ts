import type { ImageLimits } from '@flow/providers-core';

/**
 * Claude's vision limits (platform.claude.com/docs/en/build-with-claude/vision): images with a long edge over
 * 1568 px, or over about 1.15 megapixels, are scaled down by the API before the model sees them, so sending more
 * costs upload time and nothing else; at most 5 MB per image through the API; JPEG, PNG, GIF and WEBP.
 */
export const ANTHROPIC_IMAGE_LIMITS: ImageLimits = {
  key: 'anthropic',
  maxLongEdge: 1568,
  maxPixels: 1_150_000,
  maxBytes: 5 * 1024 * 1024,
  mediaTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
};
