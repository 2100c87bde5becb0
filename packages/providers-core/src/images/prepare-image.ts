import type { ImagePart } from '../model/language-model.js';

/** What a vendor (or a model) can use of an image; bigger images are downscaled before upload. */
export interface ImageLimits {
  /** Identifies the limit set for memoisation (`openai:high`, `anthropic`, ...). */
  key: string;
  maxLongEdge?: number;
  maxShortEdge?: number;
  maxPixels?: number;
  maxBytes?: number;
  /** Media types the vendor accepts as they are; others are re-encoded. */
  mediaTypes?: readonly string[];
}

/**
 * Orients and downscales an image to what the vendor can use, once per (image, limits). Interim: returns
 * the part unchanged until the sharp-based implementation lands (issue 7).
 */
export async function prepareImage(part: ImagePart, _limits: ImageLimits): Promise<ImagePart> {
  return part;
}
