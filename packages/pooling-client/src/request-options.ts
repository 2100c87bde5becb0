/** Per-call options every method takes. */
export interface RequestOptions {
  /** Cancels the call, including queued chunks and retries; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Sent as `X-Request-Id`; vLLM uses it in the response `id` (`classify-<id>`). Default: a random UUID per call. */
  requestId?: string;
  /** Extra headers for this call only. */
  headers?: Record<string, string>;
  /** Per-attempt timeout for this call, overriding the client's `timeoutMs`. */
  timeoutMs?: number;
}
