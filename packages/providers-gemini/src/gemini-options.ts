import { ProviderApiError } from '@flow/providers-core';
import { z } from 'zod';

const safetySetting = z.object({ category: z.string(), threshold: z.string() }).strict();

/** `providerOptions.gemini`; unknown keys and wrong types are refused before any request. */
export const geminiProviderOptionsSchema = z
  .object({
    /** Thinking tokens allowed (Gemini 2.5: 0 turns thinking off on Flash, -1 lets the model decide). */
    thinkingBudget: z.number().int().min(-1).optional(),
    /** Gemini 3: `minimal | low | medium | high`. */
    thinkingLevel: z.enum(['minimal', 'low', 'medium', 'high']).optional(),
    /** Sent as `safetySettings` as they are: `[{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }]`. */
    safetySettings: z.array(safetySetting).optional(),
    topP: z.number().min(0).max(1).optional(),
    topK: z.number().int().positive().optional(),
    /** `MEDIA_RESOLUTION_LOW | MEDIA_RESOLUTION_MEDIUM | MEDIA_RESOLUTION_HIGH`: tokens spent per image. */
    mediaResolution: z.string().optional(),
    /**
     * How a JSON schema is sent: `openapi` (default: converted to `responseSchema`, Gemini's OpenAPI subset) or
     * `json-schema` (as it is, in `responseJsonSchema`, on models that accept it).
     */
    schemaForm: z.enum(['openapi', 'json-schema']).optional(),
  })
  .strict();

export type GeminiProviderOptions = z.infer<typeof geminiProviderOptionsSchema>;

export function readGeminiOptions(value: Record<string, unknown> | undefined): GeminiProviderOptions {
  if (value === undefined) return {};
  const parsed = geminiProviderOptionsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new ProviderApiError({ provider: 'gemini', message: `providerOptions.gemini: ${problems}`, status: null, isRetryable: false });
}
