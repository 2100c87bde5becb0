import type { StoppableRun } from './routes/run-stopper.js';
import type { Engine } from '@flow/engine';
import type { CompiledWorkflowCache } from './cache/compiled-workflow-cache.js';
import type { ServerConfig } from './config.js';
import type { FetchBudget } from './images/fetch-budget.js';
import type { ImageUrlLoader } from './images/fetch-image-url.js';
import type { RunSlots } from './limits/run-slots.js';
import type { ServerMetrics } from './metrics/server-metrics.js';
import type { RouteRegistry } from './routes/route-spec.js';
import type { SavedWorkflowStore } from './saved-workflows/saved-workflow-store.js';

/** Set once shutdown starts: readiness fails, new runs get 503, and the abort signal ends overdue runs. */
export interface ServerLifecycle {
  draining: boolean;
  /** Aborted when the shutdown deadline passes with runs still going. */
  readonly abortRuns: AbortController;
  /** How to stop each run in progress; called when `abortRuns` aborts (a Set: cheaper per request than a listener each). */
  readonly runStoppers: Set<StoppableRun>;
}

/** What the routes share: one engine, one compiled-workflow cache, the limits and the metrics. */
export interface ServerContext extends RouteRegistry {
  config: ServerConfig;
  engine: Engine;
  cache: CompiledWorkflowCache;
  runSlots: RunSlots;
  metrics: ServerMetrics;
  savedWorkflows: SavedWorkflowStore;
  /** Absent when URL inputs are disabled (FLOW_ALLOW_URL_INPUT=false). */
  loadImageUrl: ImageUrlLoader | undefined;
  /** Bytes URL images may pull, per request and for the whole process. */
  fetchBudget: FetchBudget;
  lifecycle: ServerLifecycle;
  /** Handed to blocks as `context.services` (provider registries and the like). */
  services: Record<string, unknown>;
}
