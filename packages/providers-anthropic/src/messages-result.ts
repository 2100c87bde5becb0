import { ProviderApiError, type FinishReason, type GenerateResult } from '@flow/providers-core';
import { RESPONSE_TOOL_NAME, type StructuredReply } from './messages-request.js';

/** Anthropic `stop_reason` in the contract's words. */
export function anthropicFinishReason(reason: unknown, answeredByTool: boolean): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content-filter';
    case 'tool_use':
      return answeredByTool ? 'stop' : 'other';
    default:
      return 'other'; // pause_turn, null, or newer values
  }
}

interface MessageLike {
  model?: unknown;
  content?: unknown;
  stop_reason?: unknown;
  usage?: { input_tokens?: unknown; output_tokens?: unknown; cache_creation_input_tokens?: unknown; cache_read_input_tokens?: unknown } | null;
}

/**
 * A message as a `GenerateResult`: the text blocks joined (thinking blocks left out), or, for a forced tool, its
 * input as JSON text. Input tokens count cache writes and reads too: all of them were processed for the call.
 */
export function messagesResult(body: unknown, structured: StructuredReply, context: { modelId: string; requestId: string | undefined }): GenerateResult {
  const message = body as MessageLike | null;
  if (!Array.isArray(message?.content)) {
    throw new ProviderApiError({
      provider: 'anthropic',
      message: 'Anthropic returned a message without a content list',
      status: 200,
      isRetryable: false,
      ...(context.requestId ? { requestId: context.requestId } : {}),
    });
  }
  const blocks = message.content as { type?: unknown; text?: unknown; name?: unknown; input?: unknown }[];
  let text = blocks
    .filter((block) => block?.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('');
  const tool = structured.kind === 'tool' ? blocks.find((block) => block?.type === 'tool_use' && block.name === RESPONSE_TOOL_NAME) : undefined;
  if (tool !== undefined) {
    const input = structured.kind === 'tool' && structured.wrapped ? (tool.input as { value?: unknown } | null)?.value : tool.input;
    text = JSON.stringify(input ?? null);
  }
  const usage = message.usage;
  return {
    text,
    finishReason: anthropicFinishReason(message.stop_reason, tool !== undefined),
    usage: {
      inputTokens: count(usage?.input_tokens) + count(usage?.cache_creation_input_tokens) + count(usage?.cache_read_input_tokens),
      outputTokens: count(usage?.output_tokens),
    },
    model: typeof message.model === 'string' ? message.model : context.modelId,
    ...(context.requestId ? { requestId: context.requestId } : {}),
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
