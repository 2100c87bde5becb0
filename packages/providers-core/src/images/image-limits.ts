/** What a vendor (or a model) can use of an image; bigger images are downscaled before upload. */
export interface ImageLimits {
  /** Identifies the limit set for memoisation (`openai:high`, `anthropic`, ...): equal keys must mean equal limits. */
  key: string;
  maxLongEdge?: number;
  maxShortEdge?: number;
  maxPixels?: number;
  maxBytes?: number;
  /** Media types the vendor accepts as they are; others are re-encoded (default JPEG, PNG, WebP, GIF). */
  mediaTypes?: readonly string[];
  /**
   * The limits are a size the image must be sent at (a block's `max_image_size`, or a size a prompt names), not
   * only what the vendor can use: an image over them is always cut to them, even when the smaller copy has more
   * bytes. Without it, an oversized flat PNG may go as it is, for the vendor to downscale.
   */
  strict?: boolean;
}

export const defaultAcceptedMediaTypes: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

const MiB = 1024 * 1024;

/**
 * Documented vendor limits, beyond which a vendor only downscales the image itself (so sending more costs upload
 * time and nothing else). Vendor packages may define their own; sources are listed in the README.
 */
export const imageLimitPresets = {
  /** OpenAI `detail: high`: fit in 2048 x 2048, then the short side to 768. */
  openaiHigh: { key: 'openai:high', maxLongEdge: 2048, maxShortEdge: 768, maxBytes: 20 * MiB, mediaTypes: defaultAcceptedMediaTypes },
  /** OpenAI `detail: low`: one 512 x 512 view. */
  openaiLow: { key: 'openai:low', maxLongEdge: 512, maxShortEdge: 512, maxBytes: 20 * MiB, mediaTypes: defaultAcceptedMediaTypes },
  /** Claude: long edge 1568 and about 1.15 megapixels; 5 MB per image on the API. */
  anthropic: { key: 'anthropic', maxLongEdge: 1568, maxPixels: 1_150_000, maxBytes: 5 * MiB, mediaTypes: defaultAcceptedMediaTypes },
  /** Gemini: 768-px tiles, 7 MB per inline image (Vertex AI); 3072 px long edge. */
  gemini: { key: 'gemini', maxLongEdge: 3072, maxBytes: 7 * MiB, mediaTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] },
  /** Llama 3.2 Vision: at most 4 tiles of 560 x 560 (1120 x 1120, or 560 x 2240). */
  llama32Vision: { key: 'llama-3.2-vision', maxLongEdge: 2240, maxPixels: 1120 * 1120, mediaTypes: ['image/jpeg', 'image/png'] },
} as const satisfies Record<string, ImageLimits>;
