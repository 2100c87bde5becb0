import { prepareImage, type ImageLimits, type ImagePart } from '@flow/providers-core';
import type { WorkflowImage } from '@flow/kinds';

/** What the GPT-style blocks can use of an image (OpenAI's useful size; `prepareImage` only ever downscales). */
export const OPENAI_IMAGE_LIMITS: ImageLimits = { key: 'openai', maxLongEdge: 2048, maxShortEdge: 768, mediaTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] };

/** Llama 3.2 Vision sees at most 1120 px tiles; bigger images only cost upload time. */
export const LLAMA_IMAGE_LIMITS: ImageLimits = { key: 'llama-vision', maxLongEdge: 1120, mediaTypes: ['image/jpeg', 'image/png', 'image/webp'] };

/** The image as a model content part, prepared once for the vendor's limits. */
export function imagePartOf(image: WorkflowImage, limits: ImageLimits, detail?: ImagePart['detail']): Promise<ImagePart> {
  const part: ImagePart = { type: 'image', data: image.bytes, mediaType: image.mediaType, ...(detail ? { detail } : {}) };
  return prepareImage(part, limits);
}
