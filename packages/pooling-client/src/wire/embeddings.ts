import { z } from 'zod';
import type { ChatInputParams, CompletionInputParams, EncodingParams, PoolingCommonParams } from './request-params.js';
import { usageSchema } from './usage.js';

interface EmbeddingParams extends PoolingCommonParams, EncodingParams {
  /** Output size for Matryoshka models; other models answer 400. */
  dimensions?: number | null;
}

/** `POST /v1/embeddings` (OpenAI-compatible). For embeddings, `use_activation` means normalisation. */
export type EmbeddingsRequest = (EmbeddingParams & CompletionInputParams) | (EmbeddingParams & ChatInputParams);

export const embeddingDataSchema = z.object({
  index: z.int(),
  object: z.literal('embedding'),
  /** Floats, or a base64 string with `encoding_format: "base64"`. */
  embedding: z.union([z.array(z.number()), z.string()]),
});

export const embeddingsResponseSchema = z.object({
  id: z.string(),
  object: z.literal('list'),
  created: z.int(),
  model: z.string(),
  data: z.array(embeddingDataSchema),
  usage: usageSchema,
});

export type EmbeddingData = z.output<typeof embeddingDataSchema>;
export type EmbeddingsResponse = z.output<typeof embeddingsResponseSchema>;
