import { prepareImage, type GenerateOptions, type ImageLimits, type ImagePart } from '@flow/providers-core';
import type { ResponseCreateParamsNonStreaming, ResponseInputContent } from 'openai/resources/responses/responses';
import { dataUrl, schemaName } from '../chat/chat-request.js';

export interface ResponsesRequestRules {
  modelId: string;
  acceptsTemperature: boolean;
  imageLimits(part: ImagePart): ImageLimits;
}

/**
 * The Responses API body: the system prompt as `instructions`, one user input with `input_text` and
 * `input_image` parts (`detail` defaults to `auto`, the API's default), `max_output_tokens`, and
 * `text.format` for structured output. `store: false` unless asked: a batch job has no use for stored responses.
 */
export async function buildResponsesRequest(options: GenerateOptions, rules: ResponsesRequestRules): Promise<ResponseCreateParamsNonStreaming> {
  const content: ResponseInputContent[] = [];
  for (const part of options.content) {
    if (part.type === 'text') {
      content.push({ type: 'input_text', text: part.text });
    } else {
      const prepared = await prepareImage(part, rules.imageLimits(part));
      content.push({ type: 'input_image', image_url: dataUrl(prepared), detail: part.detail ?? 'auto' });
    }
  }
  const body: ResponseCreateParamsNonStreaming = { model: rules.modelId, input: [{ role: 'user', content }], store: false };
  if (options.system !== undefined && options.system !== '') body.instructions = options.system;
  if (options.maxTokens !== undefined) body.max_output_tokens = options.maxTokens;
  if (options.temperature !== undefined && rules.acceptsTemperature) body.temperature = options.temperature;
  const format = options.responseFormat;
  if (format?.type === 'json') {
    body.text = {
      format: format.schema === undefined ? { type: 'json_object' } : { type: 'json_schema', name: schemaName(format.name), schema: format.schema, strict: true },
    };
  }
  return body;
}
