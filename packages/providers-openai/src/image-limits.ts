import type { ImageLimits } from '@flow/providers-core';

/** What OpenAI accepts as it is (PNG, JPEG, WEBP, non-animated GIF). */
const mediaTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
/** OpenAI's per-image upload limit. */
const maxBytes = 20 * 1024 * 1024;

/**
 * The size OpenAI actually uses, per `detail` (OpenAI vision guide, "Calculating costs"):
 * - `low`: the model sees a 512 x 512 version, so nothing bigger is worth sending;
 * - `high`/`auto` on tile models (gpt-4o, gpt-4.1, o1, o3): scaled to fit 2048 x 2048, then the short side to 768;
 * - patch models (gpt-4.1-mini/nano, o4-mini, gpt-5-mini/nano): at most 1536 patches of 32 x 32 px.
 */
export function openAIImageLimits(modelId: string, detail: 'low' | 'high' | 'auto' | undefined): ImageLimits {
  if (detail === 'low') return { key: 'openai:low', maxLongEdge: 512, maxBytes, mediaTypes };
  if (/^(gpt-4\.1-(mini|nano)|o4-mini|gpt-5(\.\d+)?-(mini|nano))/.test(modelId)) {
    return { key: 'openai:patches', maxPixels: 1536 * 32 * 32, maxBytes, mediaTypes };
  }
  return { key: 'openai:high', maxLongEdge: 2048, maxShortEdge: 768, maxBytes, mediaTypes };
}
