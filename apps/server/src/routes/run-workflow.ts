import type { BlockLogger, CompiledWorkflow, StepEvent } from '@flow/engine';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors/http-errors.js';
import type { RequestFetchBudget } from '../images/fetch-budget.js';
import type { ImageUrlLoader } from '../images/fetch-image-url.js';
import { countRequestImages } from '../limits/count-images.js';
import { checkBatchSize, checkDeadline, checkDefinitionSize } from '../limits/request-limits.js';
import { jsonSizeWithin } from '../limits/response-size.js';
import { ServerBusyError } from '../limits/run-slots.js';
import { SecretScrubber } from '../logging/mask.js';
import { RunTraceRecorder, type ChromeTraceEvent } from '../profiling/chrome-trace.js';
import { RunStopper } from './run-stopper.js';
import type { WorkflowRunBase } from '../schemas/request-schemas.js';
import type { ServerContext } from '../server-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Secrets of this request (API key, `secret` inputs), masked in error bodies and logs. */
    secretScrubber: SecretScrubber | null;
  }
}

export { ClientDisconnectedError } from './run-stopper.js';

/** `Authorization: Bearer <key>` overrides the body's `api_key` (reference §8.3). */
export function resolveApiKey(request: FastifyRequest, bodyKey: string | null | undefined): string | undefined {
  const header = request.headers.authorization;
  const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  return bearer ?? bodyKey ?? undefined;
}

/**
 * A scrubber holding the request's API keys, attached to the request so error bodies and logs use it:
 * the Bearer header's and the body's (the header wins for the run, but the body's may still be echoed).
 */
export function scrubberFor(request: FastifyRequest, bodyKey: string | null | undefined): SecretScrubber {
  const scrubber = (request.secretScrubber ??= new SecretScrubber());
  scrubber.add(resolveApiKey(request, undefined));
  scrubber.add(bodyKey);
  return scrubber;
}

/** Inputs the workflow treats as `secret` (declared or as used by steps): their values are masked too. */
function addSecretInputs(scrubber: SecretScrubber, workflow: CompiledWorkflow, inputs: Record<string, unknown>): void {
  for (const input of workflow.plan.inputs) {
    const used = workflow.plan.inputInterface[input.name] ?? [];
    if (input.kinds.includes('secret') || used.includes('secret')) scrubber.add(inputs[input.name]);
  }
}

/** Blocks' log lines, scrubbed of the request's secrets. One object per run, methods shared (no closures). */
class ScrubbingBlockLogger implements BlockLogger {
  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly scrubber: SecretScrubber,
  ) {}

  debug(message: string, fields?: Record<string, unknown>): void {
    if (this.log.level === 'debug' || this.log.level === 'trace') this.write('debug', message, fields);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.write('error', message, fields);
  }

  private write(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> | undefined): void {
    this.log[level](fields ? this.scrubber.scrubDeep(fields) : {}, this.scrubber.scrub(message));
  }
}

export interface RunRequestOptions {
  definition: Record<string, unknown>;
  body: WorkflowRunBase;
  /** Identifier for the X-Workflow-Id header and logs. */
  workflowId: string | undefined;
}

/**
 * Runs a workflow request the way the reference server does (§8.3): compile (cached), check limits,
 * run with the server's step concurrency and image loader, serialise, drop `excluded_fields`.
 * The run is bounded by the request timeout, ends if the client disconnects, and holds a run slot
 * until it really stops, so the concurrency limit stays true even when an answer was already sent.
 */
export async function runWorkflowRequest(context: ServerContext, request: FastifyRequest, reply: FastifyReply, options: RunRequestOptions) {
  const { config, lifecycle } = context;
  const { body } = options;
  const startedAt = performance.now();
  const scrubber = scrubberFor(request, body.api_key);
  if (lifecycle.draining) throw new ServerBusyError('shutting-down');
  checkDefinitionSize(options.definition, config.maxSteps);

  const profiling = config.enableProfiling && body.enable_profiling;
  const trace = profiling ? new RunTraceRecorder() : undefined;
  const compileStartedAt = performance.now();
  const { workflow, cached, compileMs } = context.cache.get(options.definition);
  context.metrics.compileCache.inc({ result: cached ? 'hit' : 'miss' });
  trace?.recordCompilation(compileStartedAt, compileMs, cached);
  addSecretInputs(scrubber, workflow, body.inputs);
  checkDeadline(startedAt, config.requestTimeoutMs);
  checkBatchSize(workflow, body.inputs, config.maxBatchSize);

  const images = countRequestImages(workflow, body.inputs);
  if (images > config.maxImagesPerRequest) {
    throw new HttpError(413, `The request carries ${images} images; this server accepts at most ${config.maxImagesPerRequest} per request (FLOW_MAX_IMAGES_PER_REQUEST).`);
  }

  const stopper = new RunStopper(reply.raw, lifecycle.runStoppers, config.requestTimeoutMs);
  // A free slot is taken at once, without a promise; the signal is only made when the request has to wait.
  let release = context.runSlots.tryAcquire();
  if (release === undefined) release = await waitForSlot(context, stopper, startedAt);

  const onStepEvent = trace
    ? (event: StepEvent) => {
        context.metrics.observeStep(event);
        trace.onStepEvent(event);
      }
    : context.metrics.observeStep;
  const loader = context.loadImageUrl;
  const fetches = loader ? new RequestFetches(context.fetchBudget.forRequest()) : undefined;
  const runStartedAt = performance.now();
  const run = workflow.run(body.inputs, {
    signal: stopper,
    maxConcurrentSteps: config.maxConcurrentSteps,
    elementConcurrency: config.elementConcurrency,
    loadImageUrl: loader && fetches ? fetches.loaderFor(loader, stopper) : undefined,
    onStepEvent,
    onUsage: context.metrics.observeUsage,
    services: context.services,
    logger: new ScrubbingBlockLogger(request.log, scrubber),
  });

  let outputs: Awaited<typeof run>;
  try {
    outputs = await stopper.race(run);
  } catch (error) {
    throw stopper.reason ?? error;
  } finally {
    stopper.detach();
    // The slot is held until the run and every image download it started have stopped: a failed input
    // ends the run at once, so its sibling downloads are aborted, and waited for, before the slot frees.
    releaseWhenStopped(run, stopper, fetches, release);
  }
  const serialized = workflow.serialize(outputs);
  if (body.excluded_fields?.length) excludeFields(serialized, workflow, body.excluded_fields);
  if (jsonSizeWithin(serialized, config.maxResponseBytes) > config.maxResponseBytes) {
    throw new HttpError(413, `The answer would be larger than ${config.maxResponseBytes} bytes (FLOW_MAX_RESPONSE_BYTES): exclude large outputs with \`excluded_fields\` or send a smaller batch.`);
  }
  checkDeadline(startedAt, config.requestTimeoutMs);
  const profilerTrace: ChromeTraceEvent[] = trace ? trace.finish(runStartedAt, performance.now(), { workflow_id: options.workflowId ?? null }) : [];
  if (options.workflowId) reply.header('x-workflow-id', options.workflowId);
  return { outputs: serialized, profiler_trace: profilerTrace };
}

/** Waits in the line for a run slot; a refusal (503) or a stop while waiting detaches the stopper. */
async function waitForSlot(context: ServerContext, stopper: RunStopper, startedAt: number): Promise<() => void> {
  try {
    return await context.runSlots.acquire({ waitMs: Math.max(0, context.config.requestTimeoutMs - (performance.now() - startedAt)), signal: stopper });
  } catch (error) {
    stopper.detach();
    if (error instanceof ServerBusyError) {
      context.metrics.runsRejected.inc({ reason: error.reason });
      throw error;
    }
    throw stopper.reason ?? error;
  }
}

/**
 * Once the run has ended: stops what it left downloading, waits for that, then frees the byte budget and the
 * slot. A module-level function, so the callback holds these four and not the request handler's scope.
 */
function releaseWhenStopped(run: Promise<unknown>, stopper: RunStopper, fetches: RequestFetches | undefined, release: () => void): void {
  const afterDownloads = () => {
    fetches?.budget.close();
    release();
  };
  const whenRunEnded = () => {
    stopper.end();
    const downloads = fetches?.settled();
    if (downloads === undefined) afterDownloads();
    else void downloads.then(afterDownloads);
  };
  run.then(whenRunEnded, whenRunEnded);
}

/**
 * Drops `excluded_fields` from every record. Only names the workflow outputs can be present, so the work
 * is records x matching names, not records x every name sent.
 */
function excludeFields(records: Array<Record<string, unknown>>, workflow: CompiledWorkflow, fields: readonly string[]): void {
  const excluded = new Set(fields);
  const present = workflow.plan.outputs.map((output) => output.name).filter((name) => excluded.has(name));
  if (present.length === 0) return;
  for (const record of records) for (const name of present) delete record[name];
}

/** The URL image downloads of one run: counted against its byte budget, and awaited before its slot frees. */
class RequestFetches {
  /** Made with the first download: most runs have none. */
  private pending: Set<Promise<unknown>> | undefined;

  constructor(readonly budget: RequestFetchBudget) {}

  /**
   * The run's `loadImageUrl`. It is made here, not as an arrow inside `runWorkflowRequest`, because V8
   * gives all closures of a function one shared scope: that arrow would reach the request, the reply and
   * the run's outputs. Whatever the run options reach lives as long as the run's objects do, and those
   * used to be kept through every young-generation GC (the engine's per-run `context` literal, fixed in
   * `StepContext`). Holding only what it uses keeps the loader harmless either way.
   */
  loaderFor(loader: ImageUrlLoader, stopper: RunStopper): (url: string) => Promise<Uint8Array> {
    return (url) => this.track(loader(url, stopper.toAbortSignal(), this.budget));
  }

  track<T>(download: Promise<T>): Promise<T> {
    const pending = (this.pending ??= new Set());
    pending.add(download);
    const forget = () => pending.delete(download);
    download.then(forget, forget);
    return download;
  }

  /** Resolves once every download started so far has finished or failed. */
  settled(): Promise<unknown> | undefined {
    return this.pending === undefined || this.pending.size === 0 ? undefined : Promise.allSettled(this.pending);
  }
}
