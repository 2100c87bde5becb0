import type { ContentBlockParam, MessageCreateParamsBase, Tool } from '@anthropic-ai/sdk/resources/messages';
import { prepareImage, ProviderApiError, type GenerateOptions, type JsonSchema } from '@flow/providers-core';
import type { AnthropicProviderOptions } from './anthropic-options.js';
import { ANTHROPIC_IMAGE_LIMITS } from './image-limits.js';
import { acceptsSampling, defaultMaxTokens, supportsNativeStructuredOutput } from './model-family.js';

/** Name of the forced tool that carries structured output in `tool` mode. */
export const RESPONSE_TOOL_NAME = 'json_response';

/** How the reply's JSON is to be read back: from the text, or from the forced tool's input (unwrapping `value`). */
export type StructuredReply = { kind: 'text' } | { kind: 'tool'; wrapped: boolean };

/**
 * The Messages body: `system` apart, one user turn with text and base64 image blocks in order, `max_tokens`
 * (`defaultMaxTokens` when unset), `temperature` (left out with thinking, which refuses it, and for models that
 * no longer take it, see `acceptsSampling`), and structured output as `output_config.format`
 * (native) or a forced tool whose input is the answer. Tool input schemas must be objects, so other schemas are
 * wrapped in `{ value }` and unwrapped on the way back.
 */
export async function buildMessagesRequest(
  modelId: string,
  options: GenerateOptions,
  vendor: AnthropicProviderOptions,
): Promise<{ body: MessageCreateParamsBase; structured: StructuredReply }> {
  const content: ContentBlockParam[] = [];
  for (const part of options.content) {
    if (part.type === 'text') {
      content.push({ type: 'text', text: part.text });
    } else {
      const prepared = await prepareImage(part, ANTHROPIC_IMAGE_LIMITS);
      const data = Buffer.from(prepared.data.buffer, prepared.data.byteOffset, prepared.data.byteLength).toString('base64');
      content.push({ type: 'image', source: { type: 'base64', media_type: prepared.mediaType as 'image/png', data } });
    }
  }
  const body: MessageCreateParamsBase = { model: modelId, max_tokens: options.maxTokens ?? defaultMaxTokens(modelId), messages: [{ role: 'user', content }] };
  if (options.system !== undefined && options.system !== '') body.system = options.system;
  const thinking = vendor.thinking;
  if (thinking?.type === 'enabled') body.thinking = { type: 'enabled', budget_tokens: thinking.budgetTokens };
  else if (thinking !== undefined) body.thinking = { type: thinking.type };
  const thinkingOn = thinking !== undefined && thinking.type !== 'disabled';
  // The SDK no longer types sampling parameters; the API still takes them on the models `acceptsSampling` names.
  const sampling = acceptsSampling(modelId);
  if (options.temperature !== undefined && !thinkingOn && sampling) Object.assign(body, { temperature: options.temperature });
  if (vendor.topK !== undefined && sampling) Object.assign(body, { top_k: vendor.topK });

  const format = options.responseFormat;
  if (format?.type !== 'json') return { body, structured: { kind: 'text' } };
  const mode = format.schema === undefined ? 'tool' : (vendor.structuredOutput ?? (supportsNativeStructuredOutput(modelId) ? 'native' : 'tool'));
  if (mode === 'native') {
    body.output_config = { format: { type: 'json_schema', schema: format.schema! } };
    return { body, structured: { kind: 'text' } };
  }
  if (thinkingOn) {
    throw new ProviderApiError({
      provider: 'anthropic',
      message: 'Anthropic cannot force a tool while thinking; use structuredOutput "native" with a schema, or turn thinking off',
      status: null,
      isRetryable: false,
    });
  }
  // Without a schema any JSON object is fine: a tool whose input is an open object.
  const schema: JsonSchema = format.schema ?? { type: 'object', additionalProperties: true };
  const wrapped = schema['type'] !== 'object';
  const tool: Tool = {
    name: RESPONSE_TOOL_NAME,
    description: 'Give the answer as this tool\'s input.',
    input_schema: (wrapped ? { type: 'object', properties: { value: schema }, required: ['value'] } : schema) as Tool['input_schema'],
  };
  body.tools = [tool];
  body.tool_choice = { type: 'tool', name: RESPONSE_TOOL_NAME };
  return { body, structured: { kind: 'tool', wrapped } };
}
