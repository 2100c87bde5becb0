/** The pooling task the fake model is configured for (vLLM runs one pooling task per model). */
export type FakeVllmTask = 'classify' | 'embed' | 'token_classify';

export interface FakeVllmOptions {
  /** Served model name; `model: null` or an omitted `model` selects it. Default `fake/classifier`. */
  model?: string;
  /** Extra names accepted as `model` and listed by `/v1/models` with `parent` set, like LoRA adapters. */
  loraAdapters?: readonly string[];
  /** Active pooling task. `token_classify` keeps `/classify` mounted but answers 501, as vLLM does. Default `classify`. */
  task?: FakeVllmTask;
  /** The model's `id2label`; `null` entries give `label: null`. Its length is `num_labels`. Default `['Default', 'Spoiled']`. */
  labels?: readonly (string | null)[];
  /** Length of embedding vectors for the `embed` task. Default 8. */
  embeddingSize?: number;
  /** `max_model_len`. Default 512. */
  maxModelLength?: number;
  /** Enforce `Authorization: Bearer <key>` on `/v1`, `/v2` and `/inference` paths only, like `vllm serve --api-key`. */
  apiKey?: string;
  /** Echo `X-Request-Id` in response headers, like `--enable-request-id-headers`. */
  enableRequestIdHeaders?: boolean;
  /** Error body shape: `current` (`{error: {...}}`, since Aug 2025) or `legacy` (flat `{object: "error", ...}`). */
  errorShape?: 'current' | 'legacy';
  /** Whether the model ships a chat template; text-only classifiers often do not, and chat requests then fail with 400. */
  hasChatTemplate?: boolean;
  /** Fixed delay before every answer, in ms, to model inference time. Default 0. */
  latencyMs?: number;
  /** vLLM version reported by `/version`. */
  version?: string;
}

/** How an injected fault answers, instead of (or before) the normal handler. */
export type FakeVllmFaultKind =
  /** Wait this long, then answer normally. */
  | { kind: 'latency'; ms: number }
  /** Answer with this status and a vLLM-shaped error body (`shape`), or a raw `body` when given. */
  | {
      kind: 'error';
      status: number;
      shape?: 'current' | 'legacy' | 'detail' | 'string' | 'empty';
      message?: string;
      type?: string;
      param?: string | null;
      /** Raw body text; overrides `shape`. */
      body?: string;
      headers?: Record<string, string>;
    }
  /** Destroy the socket without answering (the client sees a connection reset). */
  | { kind: 'reset' }
  /** Answer 200 with a truncated, unparsable JSON body. */
  | { kind: 'malformed' }
  /** Answer 200 with valid JSON that does not match the endpoint's response schema. */
  | { kind: 'wrong-shape' }
  /** Never answer (until the client gives up or the server closes). */
  | { kind: 'hang' };

export type FakeVllmFault = FakeVllmFaultKind & {
  /** Apply to the next `times` matching requests, then stop. Default: until `clearFaults()`. */
  times?: number;
  /** Only requests to this path (e.g. `/classify`). Default: every path. */
  path?: string;
};

export interface RecordedRequest {
  method: string;
  path: string;
  /** Header names lower-cased, as Node delivers them. */
  headers: Record<string, string | string[] | undefined>;
  /** Raw body text. */
  body: string;
  /** Parsed body when it was valid JSON, else `undefined`. */
  json: unknown;
}

export interface FakeVllm {
  /** Server root, e.g. `http://127.0.0.1:53121`; the client's `baseURL`. */
  url: string;
  /** Every request received, in arrival order (including ones answered by faults). */
  readonly requests: RecordedRequest[];
  /** Adds a fault; faults are checked in the order they were added. */
  setFault(fault: FakeVllmFault): void;
  clearFaults(): void;
  /** Marks the engine dead (`/health` → 503) or alive again. */
  setHealthy(healthy: boolean): void;
  /** Number of requests currently being handled (useful to observe client concurrency). */
  readonly inFlight: number;
  /** Highest `inFlight` seen since start. */
  readonly maxInFlight: number;
  /** Requests whose client disconnected before the answer was sent (vLLM aborts their engine work). */
  readonly cancelled: number;
  close(): Promise<void>;
}
