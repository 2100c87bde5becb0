import { z } from 'zod';
import type { ChatContentPart } from './chat-message.js';
import type { PoolingCommonParams } from './request-params.js';
import { usageSchema } from './usage.js';

/** One side of a scoring pair: a text, or multimodal content. */
export type ScoreItem = string | { content: ChatContentPart[] };

/** Fields shared by `/score` and `/rerank`. */
export interface ScoringParams extends PoolingCommonParams {
  /** Cap on query tokens; 0 (default) means no cap. */
  max_tokens_per_query?: number;
  /** Cap on document tokens; 0 (default) means no cap. */
  max_tokens_per_doc?: number;
  /** Folded into `chat_template_kwargs.instruction` by vLLM. */
  instruction?: string | null;
  chat_template_kwargs?: Record<string, unknown> | null;
  add_special_tokens?: boolean;
}

/**
 * `POST /score`: one query against N documents (N pairs), or N against N zipped. `queries` + `documents` is the
 * preferred spelling; vLLM also accepts the older ones below.
 */
export type ScoreRequest = ScoringParams &
  (
    | { queries: ScoreItem | ScoreItem[]; documents: ScoreItem | ScoreItem[] }
    | { queries: ScoreItem | ScoreItem[]; items: ScoreItem | ScoreItem[] }
    | { data_1: ScoreItem | ScoreItem[]; data_2: ScoreItem | ScoreItem[] }
    | { text_1: ScoreItem | ScoreItem[]; text_2: ScoreItem | ScoreItem[] }
  );

export const scoreDataSchema = z.object({
  index: z.int(),
  object: z.literal('score'),
  score: z.number(),
});

export const scoreResponseSchema = z.object({
  id: z.string(),
  object: z.literal('list'),
  created: z.int(),
  model: z.string(),
  data: z.array(scoreDataSchema),
  usage: usageSchema,
});

export type ScoreData = z.output<typeof scoreDataSchema>;
export type ScoreResponse = z.output<typeof scoreResponseSchema>;

/** `POST /rerank` (Jina/Cohere style). */
export interface RerankRequest extends ScoringParams {
  query: ScoreItem;
  documents: ScoreItem | ScoreItem[];
  /** Keep the best `top_n`; 0 (default) keeps all. */
  top_n?: number;
}

export const rerankResultSchema = z.object({
  /** The document's position in the request. */
  index: z.int(),
  document: z
    .object({
      text: z.string().nullable(),
      multi_modal: z.array(z.unknown()).nullable().optional(),
    })
    .nullable()
    .optional(),
  relevance_score: z.number(),
});

export const rerankResponseSchema = z.object({
  id: z.string(),
  model: z.string(),
  usage: z.object({ prompt_tokens: z.int(), total_tokens: z.int() }),
  /** Sorted by `relevance_score`, best first, cut to `top_n`. */
  results: z.array(rerankResultSchema),
});

export type RerankResult = z.output<typeof rerankResultSchema>;
export type RerankResponse = z.output<typeof rerankResponseSchema>;
