import type { ImageLimits, ImagePart } from '@flow/providers-core';
import { openAIImageLimits } from '@flow/providers-openai';

const mediaTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
const maxBytes = 20 * 1024 * 1024;

/**
 * OpenRouter forwards images to whichever upstream serves the model, so the useful size is the upstream's:
 * OpenAI's `detail` rules for `openai/*`; Claude's 1568 px long edge (about 1.15 MP) for `anthropic/*`;
 * Gemini's 3072 px for `google/*`; Llama 3.2 Vision's at most four 560 px tiles (1120 x 1120, or 560 x 2240);
 * 2048 px for the rest.
 */
export function openRouterImageLimits(modelId: string, part: ImagePart): ImageLimits {
  const [vendor = '', model = ''] = modelId.toLowerCase().split('/', 2);
  if (vendor === 'openai') return openAIImageLimits(model, part.detail);
  if (vendor === 'anthropic') return { key: 'openrouter:anthropic', maxLongEdge: 1568, maxPixels: 1_150_000, maxBytes: 5 * 1024 * 1024, mediaTypes };
  if (vendor === 'google') return { key: 'openrouter:google', maxLongEdge: 3072, maxBytes, mediaTypes };
  if (vendor === 'meta-llama' && model.includes('llama-3.2') && model.includes('vision')) {
    return { key: 'openrouter:llama-3.2-vision', maxLongEdge: 2240, maxPixels: 1120 * 1120, maxBytes, mediaTypes };
  }
  return { key: 'openrouter:default', maxLongEdge: 2048, maxBytes, mediaTypes };
}
