export { createPoolingClient, type PoolingClient } from './create-pooling-client.js';
export type { PoolingClientOptions } from './client-options.js';
export type { RequestOptions } from './request-options.js';
export { PoolingApiError, type PoolingApiErrorOptions, type PoolingClientErrorType } from './errors/pooling-api-error.js';
export { imageClassifyRequest, imageUrl, type ImageClassifyRequestOptions, type ImageSource } from './image/image-classify-request.js';
export { topClasses, type RankedClass } from './top-classes.js';
export type { ChatContentPart, ChatMessage, ChatRole } from './wire/chat-message.js';
export type { ChatInputParams, CompletionInputParams, EncodingParams, PoolingCommonParams, PoolingInput, TokenIds } from './wire/request-params.js';
export { usageSchema, type Usage } from './wire/usage.js';
export {
  classifyResponseSchema,
  classificationDataSchema,
  type ClassifyRequest,
  type ClassifyCompletionRequest,
  type ClassifyChatRequest,
  type ClassifyResponse,
  type ClassificationData,
} from './wire/classify.js';
export { poolingResponseSchema, type PoolingRequest, type PoolingResponse, type PoolingData, type PoolingTask } from './wire/pooling.js';
export { embeddingsResponseSchema, type EmbeddingsRequest, type EmbeddingsResponse, type EmbeddingData } from './wire/embeddings.js';
export {
  scoreResponseSchema,
  rerankResponseSchema,
  type ScoreItem,
  type ScoringParams,
  type ScoreRequest,
  type ScoreResponse,
  type ScoreData,
  type RerankRequest,
  type RerankResponse,
  type RerankResult,
} from './wire/score.js';
export { tokenizeResponseSchema, type TokenizeRequest, type TokenizeCompletionRequest, type TokenizeChatRequest, type TokenizeResponse } from './wire/tokenize.js';
export { modelsResponseSchema, versionResponseSchema, type ModelCard, type ModelsResponse, type VersionResponse } from './wire/models.js';
