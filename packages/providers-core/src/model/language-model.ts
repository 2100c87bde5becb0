import type { UsageSink } from '../usage/usage-sink.js';

/**
 * The one contract every vendor implements. Blocks speak only this; vendor packages translate it to their
 * wire protocol. Shaped after the AI SDK's LanguageModel (a version field so the contract can evolve).
 */

export const LANGUAGE_MODEL_SPECIFICATION_VERSION = 'flow-v1' as const;

/** A text part of the user message. */
export interface TextPart {
  type: 'text';
  text: string;
}

/**
 * An image part: encoded bytes with their media type. `detail` is OpenAI's `low | high | auto` hint; other
 * vendors ignore it. Preparation (orient, downscale) happens before a part is built, see `prepareImage`.
 */
export interface ImagePart {
  type: 'image';
  data: Uint8Array;
  mediaType: string;
  detail?: 'low' | 'high' | 'auto';
}

export type ContentPart = TextPart | ImagePart;

/** A JSON Schema object (the subset every vendor's structured output accepts). */
export type JsonSchema = Record<string, unknown>;

export type ResponseFormat = { type: 'text' } | { type: 'json'; schema?: JsonSchema; name?: string };

export interface GenerateOptions {
  system?: string;
  /** The user message: text and image parts in order. */
  content: readonly ContentPart[];
  maxTokens?: number;
  temperature?: number;
  /** With a schema, vendors use their native structured output and `text` is the JSON. */
  responseFormat?: ResponseFormat;
  /** Cancels the request at once and closes its connection. */
  signal?: AbortSignal;
  /** Extra HTTP headers for this request. */
  headers?: Record<string, string>;
  /**
   * Vendor options that have no common form (`{ openai: { reasoningEffort } }`, `{ openrouter: { provider } }`),
   * keyed by provider id; a vendor reads only its own key. Part of the cache key.
   */
  providerOptions?: Record<string, Record<string, unknown>>;
  /** Where the registry's usage middleware reports this call (a block passes `context.usage`). */
  usage?: UsageSink;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'error' | 'other';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface GenerateResult {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  /** The model id the vendor says answered (may differ from the one asked for). */
  model: string;
  requestId?: string;
  /** True when the answer came from the response cache and nothing was billed. */
  cached?: boolean;
}

export interface LanguageModel {
  readonly specificationVersion: typeof LANGUAGE_MODEL_SPECIFICATION_VERSION;
  /** Provider id: `openai`, `anthropic`, `gemini`, `openrouter`, ... */
  readonly provider: string;
  readonly modelId: string;
  generate(options: GenerateOptions): Promise<GenerateResult>;
}
