import { z } from 'zod';
import type { ChatInputParams, CompletionInputParams, EncodingParams, PoolingCommonParams } from './request-params.js';
import { usageSchema } from './usage.js';

export type PoolingTask = 'embed' | 'classify' | 'token_embed' | 'token_classify' | 'plugin' | 'embed&token_classify';

interface PoolingParams extends PoolingCommonParams, EncodingParams {
  /** `null`/omitted: the model's own pooling task. Another task gives 400. */
  task?: PoolingTask | null;
}

/** `POST /pooling`: the raw pooler output, like offline `LLM.encode`. */
export type PoolingRequest = (PoolingParams & CompletionInputParams) | (PoolingParams & ChatInputParams);

export const poolingDataSchema = z.object({
  index: z.int(),
  object: z.literal('pooling'),
  /** A vector (embed, classify), one vector per token (token tasks), or a base64 string with `encoding_format: "base64"`. */
  data: z.union([z.array(z.number()), z.array(z.array(z.number())), z.string()]),
});

export const poolingResponseSchema = z.object({
  id: z.string(),
  object: z.literal('list'),
  created: z.int(),
  model: z.string(),
  data: z.array(poolingDataSchema),
  usage: usageSchema,
});

export type PoolingData = z.output<typeof poolingDataSchema>;
export type PoolingResponse = z.output<typeof poolingResponseSchema>;
