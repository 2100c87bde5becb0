import type { ImageLimits } from '@flow/providers-core';

/**
 * Gemini's image limits (ai.google.dev/gemini-api/docs/image-understanding and Vertex AI's "Image understanding"):
 * larger images are scaled down to fit 3072 x 3072 (aspect kept) before the model sees them; inline data counts
 * against the 20 MB request limit; PNG, JPEG, WEBP, HEIC and HEIF are accepted.
 */
export const GEMINI_IMAGE_LIMITS: ImageLimits = {
  key: 'gemini',
  maxLongEdge: 3072,
  maxBytes: 20 * 1024 * 1024,
  mediaTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif'],
};
