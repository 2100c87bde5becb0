import type { FakeVllmTask } from './fake-vllm-options.js';

/** Resolved settings every route handler reads. */
export interface FakeVllmContext {
  model: string;
  loraAdapters: readonly string[];
  task: FakeVllmTask;
  labels: readonly (string | null)[];
  embeddingSize: number;
  maxModelLength: number;
  hasChatTemplate: boolean;
  version: string;
  startedAt: number;
}

/** What a route answers with; the server adds headers, latency and the error envelope. */
export interface RouteResult {
  status?: number;
  body: unknown;
}

export interface RouteRequest {
  body: Record<string, unknown>;
  /** `X-Request-Id` as sent by the client, if any. */
  requestId: string | undefined;
}
