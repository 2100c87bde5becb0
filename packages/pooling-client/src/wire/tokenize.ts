import { z } from 'zod';
import type { ChatTemplateParams } from './request-params.js';

interface TokenizeCommon {
  model?: string | null;
  /** Also return each token's string. Default false. */
  return_token_strs?: boolean;
}

/** Completion style; note the field is `prompt`, not `input`. `add_special_tokens` defaults to true. */
export interface TokenizeCompletionRequest extends TokenizeCommon {
  prompt: string;
  add_special_tokens?: boolean;
  messages?: never;
}

/**
 * Chat style. `add_generation_prompt` defaults to **true** here; pass `false` so the count matches chat-style
 * `/classify`.
 */
export interface TokenizeChatRequest extends TokenizeCommon, ChatTemplateParams {
  mm_processor_kwargs?: Record<string, unknown> | null;
  tools?: unknown[] | null;
  prompt?: never;
}

export type TokenizeRequest = TokenizeCompletionRequest | TokenizeChatRequest;

export const tokenizeResponseSchema = z.object({
  count: z.int(),
  max_model_len: z.int(),
  tokens: z.array(z.int()),
  token_strs: z.array(z.string()).nullable().optional(),
});

export type TokenizeResponse = z.output<typeof tokenizeResponseSchema>;
