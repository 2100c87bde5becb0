import type { ChatMessage } from './chat-message.js';

/** Token ids of one pre-tokenized prompt. */
export type TokenIds = readonly number[];

/** Completion-style `input`: one text, texts, one pre-tokenized prompt, or several. Each prompt gives one result. */
export type PoolingInput = string | readonly string[] | TokenIds | readonly TokenIds[];

/** Fields every pooling request accepts, whatever its body style. */
export interface PoolingCommonParams {
  /** Served model name or loaded LoRA adapter; omitted or `null` selects the server's first served model. */
  model?: string | null;
  /** Accepted and ignored by vLLM. */
  user?: string | null;
  /** `null`: no truncation (over-long prompts fail with 400). `k > 0`: keep `k` tokens. `-1`: truncate to `max_model_len`. Must be >= -1; avoid 0. */
  truncate_prompt_tokens?: number | null;
  /** With `truncate_prompt_tokens`: `right` keeps the first tokens, `left` the last. `null` uses the tokenizer's side. Servers from 2026-03 on. */
  truncation_side?: 'left' | 'right' | null;
  /** Accepted, but pooling routes ignore it; use the `requestId` call option (the `X-Request-Id` header) instead. */
  request_id?: string;
  /** Lower is served earlier; only honoured when the server runs `--scheduling-policy priority`. Default 0. */
  priority?: number;
  /** Extra keyword arguments for the Hugging Face multimodal processor (e.g. `{ max_pixels: 401408 }` for Qwen2.5-VL). */
  mm_processor_kwargs?: Record<string, unknown> | null;
  /** Salts the prefix cache so tenants cannot probe each other's prompts. */
  cache_salt?: string | null;
  /**
   * `null` (default): the pooler's default, on for classify. `true`: softmax (2+ labels) or sigmoid (1 label), or what
   * the model's `problem_type` asks for. `false`: `probs` holds raw logits (may be negative, need not sum to 1).
   */
  use_activation?: boolean | null;
}

/** The completion body style: prompts in `input`. */
export interface CompletionInputParams {
  input: PoolingInput;
  /** Add BOS/CLS and similar tokens when tokenizing. Default `true` in this style. */
  add_special_tokens?: boolean;
  messages?: never;
}

/** How a conversation in `messages` is rendered into a prompt: shared by chat-style pooling bodies and `/tokenize`. */
export interface ChatTemplateParams {
  /** One conversation (not a list of conversations). */
  messages: ChatMessage[];
  /** Append the assistant-turn header. Default `false` for pooling bodies, `true` for `/tokenize`. */
  add_generation_prompt?: boolean;
  /** Leave the last message open. Cannot be combined with `add_generation_prompt: true` (400). */
  continue_final_message?: boolean;
  /** Add special tokens on top of the template's. Default `false` in the chat style. */
  add_special_tokens?: boolean;
  /** A Jinja template for this request; refused (400) unless the server runs `--trust-request-chat-template`. */
  chat_template?: string | null;
  /** Extra template variables. */
  chat_template_kwargs?: Record<string, unknown> | null;
  /** Per-modality media-loader options, e.g. `{ video: { num_frames: 16 } }`. Servers from 2026-03 on. */
  media_io_kwargs?: Record<string, Record<string, unknown>> | null;
}

/** The chat body style: one conversation in `messages`, rendered by the chat template into exactly one prompt. */
export interface ChatInputParams extends ChatTemplateParams {
  input?: never;
}

/** Binary encodings of `/pooling` and `/v1/embeddings` outputs. `bytes`/`bytes_only` are not JSON and not supported here. */
export interface EncodingParams {
  /** `float` (default): number arrays. `base64`: one base64 string per output. */
  encoding_format?: 'float' | 'base64';
  embed_dtype?: 'float32' | 'float16' | 'bfloat16' | 'fp8_e4m3' | 'fp8_e5m2';
  endianness?: 'native' | 'big' | 'little';
}
