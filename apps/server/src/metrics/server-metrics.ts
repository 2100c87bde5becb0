import type { StepEvent, UsageRecord } from '@flow/engine';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The server's Prometheus metrics, on a registry of its own so several servers in one process (tests)
 * do not collide. Route labels are route patterns, never raw URLs, to keep cardinality bounded.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly stepDuration: Histogram<'block_type' | 'outcome'>;
  readonly workflowErrors: Counter<'error_type' | 'status'>;
  readonly runsInFlight: Gauge;
  readonly runsQueued: Gauge;
  readonly runsRejected: Counter<'reason'>;
  readonly compileCache: Counter<'result'>;
  readonly modelTokens: Counter<'provider' | 'model' | 'direction'>;
  readonly modelCalls: Counter<'provider' | 'model' | 'cached'>;

  constructor({ collectDefault = false, gauges }: { collectDefault?: boolean; gauges?: { inFlight(): number; queued(): number } } = {}) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'flow_http_requests_total', help: 'HTTP requests answered, by route pattern and status.', labelNames: ['method', 'route', 'status'], registers });
    this.requestDuration = new Histogram({ name: 'flow_http_request_duration_seconds', help: 'Time from receiving a request to sending its response.', labelNames: ['method', 'route', 'status'], buckets: latencyBuckets, registers });
    this.stepDuration = new Histogram({ name: 'flow_workflow_step_duration_seconds', help: 'Duration of workflow steps, by block type.', labelNames: ['block_type', 'outcome'], buckets: latencyBuckets, registers });
    this.workflowErrors = new Counter({ name: 'flow_workflow_errors_total', help: 'Workflow requests that ended in an error, by reference error type.', labelNames: ['error_type', 'status'], registers });
    this.runsInFlight = new Gauge({ name: 'flow_workflow_runs_in_flight', help: 'Workflow runs holding a run slot.', registers, collect: gauges ? function () { this.set(gauges.inFlight()); } : undefined });
    this.runsQueued = new Gauge({ name: 'flow_workflow_runs_queued', help: 'Workflow runs waiting for a run slot.', registers, collect: gauges ? function () { this.set(gauges.queued()); } : undefined });
    this.runsRejected = new Counter({ name: 'flow_workflow_runs_rejected_total', help: 'Runs refused with 503 because the server was saturated or shutting down.', labelNames: ['reason'], registers });
    this.compileCache = new Counter({ name: 'flow_compiled_workflow_cache_total', help: 'Compiled-workflow cache lookups by result (hit, miss).', labelNames: ['result'], registers });
    this.modelTokens = new Counter({ name: 'flow_model_tokens_total', help: 'Tokens of model calls made by workflow steps, by provider, model and direction (input, output).', labelNames: ['provider', 'model', 'direction'], registers });
    this.modelCalls = new Counter({ name: 'flow_model_calls_total', help: 'Model calls made by workflow steps; cached="true" for answers from the response cache.', labelNames: ['provider', 'model', 'cached'], registers });
    if (collectDefault) collectDefaultMetrics({ register: this.registry, prefix: 'flow_' });
  }

  readonly observeStep = (event: StepEvent): void => {
    if (event.type === 'step-end') this.stepDuration.observe({ block_type: event.blockType, outcome: event.ok ? 'ok' : 'error' }, event.durationMs / 1000);
  };

  /** A step's model call (`context.usage.record`): tokens by direction, and the call itself. */
  readonly observeUsage = (usage: UsageRecord): void => {
    const provider = usage.provider ?? 'unknown';
    const model = usage.model ?? 'unknown';
    if (usage.inputTokens) this.modelTokens.inc({ provider, model, direction: 'input' }, usage.inputTokens);
    if (usage.outputTokens) this.modelTokens.inc({ provider, model, direction: 'output' }, usage.outputTokens);
    const cached = usage.cached ?? 0;
    const calls = usage.calls ?? 1;
    if (calls - cached > 0) this.modelCalls.inc({ provider, model, cached: 'false' }, calls - cached);
    if (cached > 0) this.modelCalls.inc({ provider, model, cached: 'true' }, cached);
  };

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.requestDuration.observe(labels, seconds);
  }
}
