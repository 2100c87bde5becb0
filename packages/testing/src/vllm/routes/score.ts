import type { FakeVllmContext, RouteRequest, RouteResult } from '../fake-vllm-context.js';
import { activate, cosineSimilarity, embeddingFor, logitsFor } from '../fake-model.js';
import { BOS_TOKEN_ID } from '../fake-tokenizer.js';
import { checkCommonFields, checkModel, scoreItemTokens } from '../prompts.js';
import { badRequest, schemaError } from '../vllm-http-error.js';
import { responseId, unixSeconds } from './response-id.js';

const SEPARATOR_TOKEN_ID = 2;

/** The accepted spellings of the two sides of `/score`, preferred first. */
const inputPairs = [
  ['queries', 'documents'],
  ['queries', 'items'],
  ['data_1', 'data_2'],
  ['text_1', 'text_2'],
] as const;

/** `POST /score`: one query against N documents, or N against N zipped. */
export function score({ body, requestId }: RouteRequest, context: FakeVllmContext): RouteResult {
  checkModel(body, context);
  checkCommonFields(body);
  const pair = inputPairs.find(([left, right]) => body[left] !== undefined && body[right] !== undefined);
  if (!pair) throw schemaError('Field required: send `queries` and `documents`.');
  const queries = asList(body[pair[0]]);
  const documents = asList(body[pair[1]]);
  const pairs = pairUp(queries, documents);
  const useActivation = body['use_activation'] !== false;
  const scored = pairs.map(([query, document]) => scorePair(query, document, context, useActivation));
  const promptTokens = scored.reduce((total, entry) => total + entry.tokens, 0);
  return {
    body: {
      id: responseId('score', requestId),
      object: 'list',
      created: unixSeconds(),
      model: context.model,
      data: scored.map((entry, index) => ({ index, object: 'score', score: entry.score })),
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens, completion_tokens: 0, prompt_tokens_details: null },
    },
  };
}

/** `POST /rerank` (Jina/Cohere style): documents sorted by relevance, best first, cut to `top_n`. */
export function rerank({ body, requestId }: RouteRequest, context: FakeVllmContext): RouteResult {
  checkModel(body, context);
  checkCommonFields(body);
  if (body['query'] === undefined || body['documents'] === undefined) throw schemaError('Field required: `query` and `documents`.');
  const documents = asList(body['documents']);
  const topN = body['top_n'] ?? 0;
  if (!Number.isInteger(topN)) throw schemaError('top_n: Input should be a valid integer');
  const useActivation = body['use_activation'] !== false;
  const scored = documents.map((document, index) => ({ index, document, ...scorePair(body['query'], document, context, useActivation) }));
  const promptTokens = scored.reduce((total, entry) => total + entry.tokens, 0);
  const sorted = [...scored]
    .sort((a, b) => b.score - a.score)
    .map(({ index, document, score }) => ({ index, document: rerankDocument(document), relevance_score: score }));
  return {
    body: {
      id: responseId('score', requestId),
      model: context.model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
      results: (topN as number) > 0 ? sorted.slice(0, topN as number) : sorted,
    },
  };
}

/** Results echo each document as `{text, multi_modal}`: one of them set, the other null. */
function rerankDocument(document: unknown): { text: string | null; multi_modal: unknown[] | null } {
  if (typeof document === 'string') return { text: document, multi_modal: null };
  return { text: null, multi_modal: (document as { content: unknown[] }).content };
}

function asList(side: unknown): unknown[] {
  return Array.isArray(side) ? side : [side];
}

function pairUp(queries: unknown[], documents: unknown[]): [unknown, unknown][] {
  if (queries.length === 0 || documents.length === 0) throw badRequest('Score inputs cannot be empty.');
  if (queries.length === 1) return documents.map((document) => [queries[0], document]);
  if (queries.length === documents.length) return queries.map((query, index) => [query, documents[index]]);
  throw badRequest('Input lengths must be either 1:1, 1:N or N:N');
}

function scorePair(query: unknown, document: unknown, context: FakeVllmContext, useActivation: boolean): { score: number; tokens: number } {
  const queryTokens = scoreItemTokens(query);
  const documentTokens = scoreItemTokens(document);
  if (context.task === 'embed') {
    const score = cosineSimilarity(embeddingFor(queryTokens, context.embeddingSize), embeddingFor(documentTokens, context.embeddingSize));
    return { score, tokens: queryTokens.length + documentTokens.length };
  }
  // A cross-encoder reads query and document as one prompt and emits one logit.
  const prompt = [BOS_TOKEN_ID, ...queryTokens, SEPARATOR_TOKEN_ID, ...documentTokens];
  const logits = logitsFor(prompt, 1);
  return { score: (useActivation ? activate(logits) : logits)[0] ?? 0, tokens: prompt.length };
}
