import type { FakeVllmContext, RouteRequest, RouteResult } from '../fake-vllm-context.js';
import { embeddingFor, toBase64Float32 } from '../fake-model.js';
import { checkModel, promptsOf, usageFor } from '../prompts.js';
import { badRequest } from '../vllm-http-error.js';
import { responseId, unixSeconds } from './response-id.js';

/** `POST /v1/embeddings` (OpenAI-compatible). Mounted for embed models only. */
export function embeddings({ body, requestId }: RouteRequest, context: FakeVllmContext): RouteResult {
  checkModel(body, context);
  if (body['dimensions'] !== undefined && body['dimensions'] !== null) {
    throw badRequest(`Model "${context.model}" does not support matryoshka representation, changing output dimensions will lead to poor results.`);
  }
  const format = body['encoding_format'] ?? 'float';
  if (format !== 'float' && format !== 'base64') throw badRequest(`The fake vLLM server does not implement encoding_format ${String(format)}.`);
  const prompts = promptsOf(body, context);
  const normalize = body['use_activation'] !== false;
  return {
    body: {
      id: responseId('embd', requestId),
      object: 'list',
      created: unixSeconds(),
      model: context.model,
      data: prompts.map((prompt, index) => {
        const vector = embeddingFor(prompt, context.embeddingSize, normalize);
        return { index, object: 'embedding', embedding: format === 'base64' ? toBase64Float32(vector) : vector };
      }),
      usage: usageFor(prompts),
    },
  };
}
