import { ProviderApiError, type FinishReason, type GenerateResult } from '@flow/providers-core';

/** Chat Completions `finish_reason` (and OpenRouter's normalised ones) in the contract's words. */
export function chatFinishReason(reason: unknown): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'error':
      return 'error';
    default:
      return 'other'; // tool_calls, function_call, null, or a value newer than this code
  }
}

interface ChatCompletionLike {
  id?: unknown;
  model?: unknown;
  choices?: unknown;
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
}

/**
 * A Chat Completions body as a `GenerateResult`, checking the shape the SDK does not check. A refusal gives
 * `content-filter` with the refusal as text.
 */
export function chatResult(body: unknown, context: { provider: string; vendor: string; modelId: string; requestId?: string | undefined }): GenerateResult {
  const completion = body as ChatCompletionLike | null;
  const choice = Array.isArray(completion?.choices) ? (completion.choices[0] as Record<string, unknown> | undefined) : undefined;
  const message = choice?.['message'] as { content?: unknown; refusal?: unknown } | undefined;
  if (typeof message !== 'object' || message === null) {
    throw new ProviderApiError({
      provider: context.provider,
      message: `${context.vendor} returned a chat completion without choices[0].message`,
      status: 200,
      isRetryable: false,
      ...(context.requestId ? { requestId: context.requestId } : {}),
    });
  }
  const refusal = typeof message.refusal === 'string' && message.refusal !== '' ? message.refusal : undefined;
  const text = typeof message.content === 'string' ? message.content : (refusal ?? '');
  return {
    text,
    finishReason: refusal !== undefined ? 'content-filter' : chatFinishReason(choice?.['finish_reason']),
    usage: { inputTokens: count(completion?.usage?.prompt_tokens), outputTokens: count(completion?.usage?.completion_tokens) },
    model: typeof completion?.model === 'string' ? completion.model : context.modelId,
    ...(context.requestId ? { requestId: context.requestId } : {}),
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
