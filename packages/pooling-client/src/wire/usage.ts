import { z } from 'zod';

/** Token accounting of a pooling response. For pooling, `total_tokens` equals `prompt_tokens`. */
export const usageSchema = z.object({
  prompt_tokens: z.int(),
  total_tokens: z.int(),
  /** Always 0 for pooling; nullable on the wire. */
  completion_tokens: z.int().nullable().optional(),
  /** Always null for pooling at the pinned vLLM commit. */
  prompt_tokens_details: z.object({ cached_tokens: z.int().nullable().optional() }).nullable().optional(),
});

export type Usage = z.output<typeof usageSchema>;
