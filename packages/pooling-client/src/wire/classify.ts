import { z } from 'zod';
import type { ChatInputParams, CompletionInputParams, PoolingCommonParams } from './request-params.js';
import { usageSchema } from './usage.js';

/** `POST /classify` with `input`: one result per prompt. */
export type ClassifyCompletionRequest = PoolingCommonParams & CompletionInputParams;

/** `POST /classify` with `messages` (e.g. an image for a Qwen2.5-VL classifier): exactly one result. */
export type ClassifyChatRequest = PoolingCommonParams & ChatInputParams;

export type ClassifyRequest = ClassifyCompletionRequest | ClassifyChatRequest;

export const classificationDataSchema = z.object({
  /** Position of the prompt in `input` (0 for chat style). */
  index: z.int(),
  /** `id2label[argmax(probs)]` from the model's config; `null` when the config has no name for that class. */
  label: z.string().nullable(),
  /** Probabilities with activation on; raw logits with `use_activation: false`. Never assume they sum to 1. */
  probs: z.array(z.number()),
  num_classes: z.int(),
});

export const classifyResponseSchema = z.object({
  /** `classify-<X-Request-Id>`; treat as opaque. */
  id: z.string(),
  object: z.literal('list'),
  /** Unix seconds. */
  created: z.int(),
  /** The server's primary served model name (not an echo of the requested name). */
  model: z.string(),
  data: z.array(classificationDataSchema),
  usage: usageSchema,
});

export type ClassificationData = z.output<typeof classificationDataSchema>;
export type ClassifyResponse = z.output<typeof classifyResponseSchema>;
