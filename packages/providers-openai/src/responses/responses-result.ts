import { ProviderApiError, type FinishReason, type GenerateResult } from '@flow/providers-core';

interface ResponseLike {
  status?: unknown;
  model?: unknown;
  output?: unknown;
  incomplete_details?: { reason?: unknown } | null;
  error?: { code?: unknown; message?: unknown } | null;
  usage?: { input_tokens?: unknown; output_tokens?: unknown } | null;
}

function finishReason(response: ResponseLike, refused: boolean): FinishReason {
  if (refused) return 'content-filter';
  switch (response.status) {
    case 'completed':
      return 'stop';
    case 'failed':
      return 'error';
    case 'incomplete': {
      const reason = response.incomplete_details?.reason;
      return reason === 'max_output_tokens' ? 'length' : reason === 'content_filter' ? 'content-filter' : 'other';
    }
    default:
      return 'other';
  }
}

/**
 * A Responses API body as a `GenerateResult`: the text is every `output_text` of the assistant's messages, in
 * order (what the SDK's `output_text` joins); a `refusal` part gives `content-filter` with the refusal as text.
 */
export function responsesResult(body: unknown, context: { provider: string; modelId: string; requestId?: string | undefined }): GenerateResult {
  const response = body as ResponseLike | null;
  if (!Array.isArray(response?.output)) {
    throw new ProviderApiError({
      provider: context.provider,
      message: 'OpenAI returned a response without an output list',
      status: 200,
      isRetryable: false,
      ...(context.requestId ? { requestId: context.requestId } : {}),
    });
  }
  const texts: string[] = [];
  const refusals: string[] = [];
  for (const item of response.output as { type?: unknown; content?: unknown }[]) {
    if (item?.type !== 'message' || !Array.isArray(item.content)) continue;
    for (const part of item.content as { type?: unknown; text?: unknown; refusal?: unknown }[]) {
      if (part?.type === 'output_text' && typeof part.text === 'string') texts.push(part.text);
      if (part?.type === 'refusal' && typeof part.refusal === 'string') refusals.push(part.refusal);
    }
  }
  const refused = texts.length === 0 && refusals.length > 0;
  return {
    text: refused ? refusals.join('') : texts.join(''),
    finishReason: finishReason(response, refused),
    usage: { inputTokens: count(response.usage?.input_tokens), outputTokens: count(response.usage?.output_tokens) },
    model: typeof response.model === 'string' ? response.model : context.modelId,
    ...(context.requestId ? { requestId: context.requestId } : {}),
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
