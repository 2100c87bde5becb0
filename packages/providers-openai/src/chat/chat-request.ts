import { prepareImage, type GenerateOptions, type ImageLimits, type ImagePart, type ResponseFormat } from '@flow/providers-core';
import type { ChatCompletionContentPart, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';

export interface ChatRequestRules {
  modelId: string;
  /** Reasoning models want `max_completion_tokens`; most OpenAI-compatible servers know only `max_tokens`. */
  maxTokensParameter: 'max_tokens' | 'max_completion_tokens';
  /** Reasoning models refuse `temperature`; it is then left out. */
  acceptsTemperature: boolean;
  /** `developer` for OpenAI reasoning models, `system` elsewhere. */
  systemRole: 'system' | 'developer';
  /** The vendor's image limits for a part (by its `detail`). */
  imageLimits(part: ImagePart): ImageLimits;
}

/**
 * The Chat Completions body for a `generate` call: system message first, then one user message with the text
 * and image parts in order (images as base64 `data:` URLs, `detail` kept per part), the token limit under the
 * parameter the model wants, and `response_format` (`json_schema` strict with a schema, `json_object` without).
 */
export async function buildChatRequest(options: GenerateOptions, rules: ChatRequestRules): Promise<ChatCompletionCreateParamsNonStreaming> {
  const content: ChatCompletionContentPart[] = [];
  for (const part of options.content) {
    if (part.type === 'text') content.push({ type: 'text', text: part.text });
    else content.push(await imageContentPart(part, rules.imageLimits(part)));
  }
  const messages: ChatCompletionMessageParam[] = [];
  if (options.system !== undefined && options.system !== '') messages.push({ role: rules.systemRole, content: options.system });
  messages.push({ role: 'user', content });
  const body: ChatCompletionCreateParamsNonStreaming = { model: rules.modelId, messages };
  if (options.maxTokens !== undefined) body[rules.maxTokensParameter] = options.maxTokens;
  if (options.temperature !== undefined && rules.acceptsTemperature) body.temperature = options.temperature;
  const responseFormat = chatResponseFormat(options.responseFormat);
  if (responseFormat) body.response_format = responseFormat;
  return body;
}

async function imageContentPart(part: ImagePart, limits: ImageLimits): Promise<ChatCompletionContentPart> {
  const prepared = await prepareImage(part, limits);
  const detail = part.detail;
  return { type: 'image_url', image_url: { url: dataUrl(prepared), ...(detail ? { detail } : {}) } };
}

export function dataUrl(part: ImagePart): string {
  return `data:${part.mediaType};base64,${Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength).toString('base64')}`;
}

/** OpenAI schema names allow `[a-zA-Z0-9_-]{1,64}`. */
export function schemaName(name: string | undefined): string {
  const cleaned = (name ?? 'response').replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return cleaned === '' ? 'response' : cleaned;
}

export function chatResponseFormat(format: ResponseFormat | undefined): ChatCompletionCreateParamsNonStreaming['response_format'] {
  if (format === undefined || format.type === 'text') return undefined;
  if (format.schema === undefined) return { type: 'json_object' };
  return { type: 'json_schema', json_schema: { name: schemaName(format.name), schema: format.schema, strict: true } };
}
