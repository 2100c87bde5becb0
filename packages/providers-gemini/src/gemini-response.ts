import { ProviderApiError, type FinishReason, type GenerateResult } from '@flow/providers-core';
import { z } from 'zod';

const count = z.number().int().nonnegative().optional();

/** The fields of a `GenerateContentResponse` Flow reads; everything else is ignored. */
export const generateContentResponseSchema = z.object({
  candidates: z
    .array(
      z.object({
        content: z.object({ parts: z.array(z.object({ text: z.string().optional(), thought: z.boolean().optional() })).optional(), role: z.string().optional() }).optional(),
        finishReason: z.string().optional(),
        finishMessage: z.string().optional(),
      }),
    )
    .optional(),
  promptFeedback: z.object({ blockReason: z.string().optional(), blockReasonMessage: z.string().optional() }).optional(),
  usageMetadata: z.object({ promptTokenCount: count, candidatesTokenCount: count, thoughtsTokenCount: count, totalTokenCount: count }).optional(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
});

/** Gemini's `finishReason` in the contract's words. */
export function geminiFinishReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'STOP':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'PROHIBITED_CONTENT':
    case 'BLOCKLIST':
    case 'SPII':
    case 'IMAGE_SAFETY':
    case 'IMAGE_PROHIBITED_CONTENT':
      return 'content-filter';
    case 'MALFORMED_FUNCTION_CALL':
      return 'error';
    default:
      return 'other'; // LANGUAGE, OTHER, FINISH_REASON_UNSPECIFIED, tool-call reasons, newer values
  }
}

/**
 * A checked `generateContent` body as a `GenerateResult`: the first candidate's text parts joined (thought parts
 * left out); a blocked prompt (`promptFeedback.blockReason`, no candidates) is `content-filter` with empty text.
 * Thinking tokens are billed as output, so `outputTokens` counts them.
 */
export function geminiResult(json: unknown, modelId: string): GenerateResult {
  const parsed = generateContentResponseSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0];
    throw new ProviderApiError({
      provider: 'gemini',
      message: `Gemini returned an unexpected response body (${where ? `${where.path.join('.') || '(root)'}: ${where.message}` : 'invalid'})`,
      status: 200,
      isRetryable: false,
    });
  }
  const response = parsed.data;
  const candidate = response.candidates?.[0];
  const usage = response.usageMetadata;
  const requestId = response.responseId;
  const base = {
    usage: { inputTokens: usage?.promptTokenCount ?? 0, outputTokens: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0) },
    model: response.modelVersion ?? modelId,
    ...(requestId ? { requestId } : {}),
  };
  if (candidate === undefined) {
    if (response.promptFeedback?.blockReason !== undefined) return { text: '', finishReason: 'content-filter', ...base };
    throw new ProviderApiError({ provider: 'gemini', message: 'Gemini returned no candidates and no block reason', status: 200, isRetryable: false, ...(requestId ? { requestId } : {}) });
  }
  const text = (candidate.content?.parts ?? [])
    .filter((part) => part.thought !== true && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
  return { text, finishReason: geminiFinishReason(candidate.finishReason), ...base };
}
