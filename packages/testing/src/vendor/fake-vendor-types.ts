import type { RecordedRequest } from '../vllm/fake-vllm-options.js';

export type { RecordedRequest };

/**
 * One answer of a fake vendor, in vendor-neutral words; each fake turns it into its own wire body.
 * `finishReason` is the vendor's own value (`length`, `max_tokens`, `MAX_TOKENS`, `content_filter`, ...).
 */
export interface FakeReply {
  text?: string;
  finishReason?: string;
  usage?: { inputTokens: number; outputTokens: number };
  /** The model the vendor says answered; default: the model asked for. */
  model?: string;
  /** A refusal instead of text (OpenAI's `refusal`, Anthropic's `refusal` stop). */
  refusal?: string;
  /** Gemini: the prompt was blocked (`promptFeedback.blockReason`, e.g. `SAFETY`); no candidates come back. */
  blockReason?: string;
  /** An error carried in a 200 body, as OpenRouter sends when the upstream provider fails (`choices: null`). */
  error?: { code?: number | string; message: string; metadata?: Record<string, unknown> };
  /** A raw JSON body to send as it is (status 200 unless `status`), bypassing the vendor shape. */
  body?: unknown;
  status?: number;
  headers?: Record<string, string>;
}

/** A fixed text, a reply, or a function of the recorded request (may be async). */
export type FakeResponder = string | FakeReply | ((request: RecordedRequest) => string | FakeReply | Promise<string | FakeReply>);

/** Faults answer instead of the responder. */
export type FakeVendorFaultKind =
  /** Wait this long, then answer normally. */
  | { kind: 'latency'; ms: number }
  /** Answer with this status and the vendor's error body (`message`, `type`), or a raw `body` text. */
  | { kind: 'error'; status: number; message?: string; type?: string; body?: string; headers?: Record<string, string> }
  /** Destroy the socket without answering (the client sees a connection reset). */
  | { kind: 'reset' }
  /** Answer 200 with a truncated, unparsable JSON body. */
  | { kind: 'malformed' }
  /** Answer 200 with valid JSON that is not the vendor's response shape. */
  | { kind: 'wrong-shape' }
  /** Never answer (until the client aborts or the server closes). */
  | { kind: 'hang' };

export type FakeVendorFault = FakeVendorFaultKind & {
  /** Apply to the next `times` matching requests, then stop. Default: until `clearFaults()`. */
  times?: number;
  /** Only requests to this path. Default: every path. */
  path?: string;
};

export interface FakeVendorOptions {
  /** When set, requests without this key (in the vendor's auth header) get the vendor's 401. */
  apiKey?: string;
  /** Fixed delay before every answer, in ms, to model inference time. Default 0. */
  latencyMs?: number;
  /** The default answer. Default: the text `fake answer`. */
  reply?: FakeResponder;
}

export interface FakeVendor {
  /** Server root, e.g. `http://127.0.0.1:53121`. */
  url: string;
  /** What to pass as the SDK's `baseURL` (the root plus the vendor's path prefix, e.g. `/v1` for OpenAI). */
  baseURL: string;
  /** Every request received, in arrival order (including ones answered by faults). */
  readonly requests: RecordedRequest[];
  /** Sets the default answer. */
  reply(responder: FakeResponder): void;
  /** Answers the next requests with these, in order, before falling back to the default answer. */
  enqueue(...responders: FakeResponder[]): void;
  /** Adds a fault; faults are checked in the order they were added. */
  setFault(fault: FakeVendorFault): void;
  clearFaults(): void;
  /** Requests being handled now. */
  readonly inFlight: number;
  /** Highest `inFlight` seen since start. */
  readonly maxInFlight: number;
  /** Requests whose client closed the connection before the answer was complete (aborts, timeouts). */
  readonly cancelled: number;
  close(): Promise<void>;
}
