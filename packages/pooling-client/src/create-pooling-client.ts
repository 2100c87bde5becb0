import { mergeIndexedResponses } from './batching/merge-responses.js';
import { promptList } from './batching/prompt-list.js';
import { runInChunks } from './batching/run-in-chunks.js';
import { type PoolingClientOptions, resolveClientOptions } from './client-options.js';
import type { RequestOptions } from './request-options.js';
import { requestJson } from './transport/request-json.js';
import { sendRequest } from './transport/send-request.js';
import { type ClassifyRequest, type ClassifyResponse, classifyResponseSchema } from './wire/classify.js';
import { type EmbeddingsRequest, type EmbeddingsResponse, embeddingsResponseSchema } from './wire/embeddings.js';
import { type ModelsResponse, type VersionResponse, modelsResponseSchema, versionResponseSchema } from './wire/models.js';
import { type PoolingRequest, type PoolingResponse, poolingResponseSchema } from './wire/pooling.js';
import type { PoolingInput, TokenIds } from './wire/request-params.js';
import { type RerankRequest, type RerankResponse, type ScoreRequest, type ScoreResponse, rerankResponseSchema, scoreResponseSchema } from './wire/score.js';
import { type TokenizeRequest, type TokenizeResponse, tokenizeResponseSchema } from './wire/tokenize.js';
import type { z } from 'zod';

/** A client for one vLLM server's pooling APIs. Bodies keep vLLM's wire names; every response is validated. */
export interface PoolingClient {
  /** `POST /classify`, completion style (`input`; long lists are split and reassembled) or chat style (`messages`). */
  classify(request: ClassifyRequest, options?: RequestOptions): Promise<ClassifyResponse>;
  /** `POST /pooling`: the raw pooler output for the model's task. Long `input` lists are split like `classify`. */
  pooling(request: PoolingRequest, options?: RequestOptions): Promise<PoolingResponse>;
  /** `POST /score`: pair scores (embedding models and single-label classifiers only). Sent as one request. */
  score(request: ScoreRequest, options?: RequestOptions): Promise<ScoreResponse>;
  /** `POST /rerank`: documents sorted by relevance. Sent as one request. */
  rerank(request: RerankRequest, options?: RequestOptions): Promise<RerankResponse>;
  /** `POST /v1/embeddings`. Long `input` lists are split like `classify`. */
  embeddings(request: EmbeddingsRequest, options?: RequestOptions): Promise<EmbeddingsResponse>;
  /** `POST /tokenize`: token ids and `max_model_len`, for client-side length checks. */
  tokenize(request: TokenizeRequest, options?: RequestOptions): Promise<TokenizeResponse>;
  /** `GET /v1/models`. */
  models(options?: RequestOptions): Promise<ModelsResponse>;
  /** `GET /health`: `true` on 200, `false` on 503 (engine dead); other answers and connection failures throw. */
  health(options?: RequestOptions): Promise<boolean>;
  /** `GET /version`. */
  version(options?: RequestOptions): Promise<VersionResponse>;
}

/**
 * Creates a client for vLLM's pooling APIs.
 *
 * @example
 * const client = createPoolingClient({ baseURL: 'http://localhost:8000' });
 * const { data } = await client.classify({ input: ['great service', 'never again'] });
 * data.map((item) => item.label); // ['Default', 'Spoiled']
 */
export function createPoolingClient(options: PoolingClientOptions = {}): PoolingClient {
  const { transport, maxBatchSize } = resolveClientOptions(options);

  /** POSTs `request`; a completion-style list longer than `maxBatchSize` goes out as chunks, merged in order. */
  const postListRequest = <Schema extends z.ZodType<{ data: { index: number }[]; usage: ClassifyResponse['usage'] }>>(
    path: string,
    schema: Schema,
    request: { input?: PoolingInput },
    callOptions: RequestOptions = {},
  ): Promise<z.output<Schema>> => {
    const prompts = request.input === undefined ? undefined : promptList(request.input);
    if (!prompts || prompts.length <= maxBatchSize) return requestJson(transport, { method: 'POST', path, body: request }, schema, callOptions);
    // One request id for the whole call: the merged `id` is then what one response would carry.
    const shared = { ...callOptions, requestId: callOptions.requestId ?? globalThis.crypto.randomUUID() };
    return runInChunks<string | TokenIds, z.output<Schema>>({
      items: prompts,
      maxBatchSize,
      signal: callOptions.signal,
      send: (part, signal) => requestJson(transport, { method: 'POST', path, body: { ...request, input: part.items } }, schema, { ...shared, signal }),
      merge: mergeIndexedResponses,
    });
  };

  return {
    classify: (request, callOptions) => postListRequest('/classify', classifyResponseSchema, request, callOptions),
    pooling: (request, callOptions) => postListRequest('/pooling', poolingResponseSchema, request, callOptions),
    embeddings: (request, callOptions) => postListRequest('/v1/embeddings', embeddingsResponseSchema, request, callOptions),
    score: (request, callOptions) => requestJson(transport, { method: 'POST', path: '/score', body: request }, scoreResponseSchema, callOptions),
    rerank: (request, callOptions) => requestJson(transport, { method: 'POST', path: '/rerank', body: request }, rerankResponseSchema, callOptions),
    tokenize: (request, callOptions) => requestJson(transport, { method: 'POST', path: '/tokenize', body: request }, tokenizeResponseSchema, callOptions),
    models: (callOptions) => requestJson(transport, { method: 'GET', path: '/v1/models' }, modelsResponseSchema, callOptions),
    version: (callOptions) => requestJson(transport, { method: 'GET', path: '/version' }, versionResponseSchema, callOptions),
    health: async (callOptions) => {
      const answer = await sendRequest(transport, { method: 'GET', path: '/health', acceptStatuses: [503] }, callOptions);
      return answer.status !== 503;
    },
  };
}
