import type { BlockLogger, CompiledWorkflow, StepEvent } from '@flow/engine';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors/http-errors.js';
import { countRequestImages } from '../limits/count-images.js';
import { ServerBusyError } from '../limits/run-slots.js';
import { SecretScrubber } from '../logging/mask.js';
import { RunTraceRecorder, type ChromeTraceEvent } from '../profiling/chrome-trace.js';
import type { WorkflowRunBase } from '../schemas/request-schemas.js';
import type { ServerContext } from '../server-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Secrets of this request (API key, `secret` inputs), masked in error bodies and logs. */
    secretScrubber: SecretScrubber | null;
  }
}

/** The client went away before the answer was ready; nobody is left to answer. */
export class ClientDisconnectedError extends Error {
  constructor() {
    super('The client closed the connection before the run finished.');
    this.name = 'ClientDisconnectedError';
  }
}

/** `Authorization: Bearer <key>` overrides the body's `api_key` (reference §8.3). */
export function resolveApiKey(request: FastifyRequest, bodyKey: string | null | undefined): string | undefined {
  const header = request.headers.authorization;
  const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  return bearer ?? bodyKey ?? undefined;
}

/** A scrubber holding the request's API key, attached to the request so error bodies and logs use it. */
export function scrubberFor(request: FastifyRequest, apiKey: string | undefined): SecretScrubber {
  const scrubber = (request.secretScrubber ??= new SecretScrubber());
  scrubber.add(apiKey);
  return scrubber;
}

/** Inputs the workflow treats as `secret` (declared or as used by steps): their values are masked too. */
function addSecretInputs(scrubber: SecretScrubber, workflow: CompiledWorkflow, inputs: Record<string, unknown>): void {
  for (const input of workflow.plan.inputs) {
    const used = workflow.plan.inputInterface[input.name] ?? [];
    if (input.kinds.includes('secret') || used.includes('secret')) scrubber.add(inputs[input.name]);
  }
}

function blockLoggerFor(log: FastifyBaseLogger, scrubber: SecretScrubber): BlockLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => log[level](fields ? scrubber.scrubDeep(fields) : {}, scrubber.scrub(message));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
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
  const scrubber = scrubberFor(request, resolveApiKey(request, body.api_key));
  if (lifecycle.draining) throw new ServerBusyError('shutting-down');

  const profiling = config.enableProfiling && body.enable_profiling;
  const trace = profiling ? new RunTraceRecorder() : undefined;
  const compileStartedAt = performance.now();
  const { workflow, cached, compileMs } = context.cache.get(options.definition);
  context.metrics.compileCache.inc({ result: cached ? 'hit' : 'miss' });
  trace?.recordCompilation(compileStartedAt, compileMs, cached);
  addSecretInputs(scrubber, workflow, body.inputs);

  const images = countRequestImages(workflow, body.inputs);
  if (images > config.maxImagesPerRequest) {
    throw new HttpError(413, `The request carries ${images} images; this server accepts at most ${config.maxImagesPerRequest} per request (FLOW_MAX_IMAGES_PER_REQUEST).`);
  }

  // One controller per run, ended by the deadline, the client leaving or a forced shutdown. (A plain
  // timer and listeners: AbortSignal.timeout + AbortSignal.any cost ~100x more per request on Node 20.)
  const controller = new AbortController();
  const signal = controller.signal;
  const timedOut = () => new HttpError(504, `The workflow run did not finish within ${config.requestTimeoutMs} ms (FLOW_REQUEST_TIMEOUT_MS).`);
  let stopReason: () => Error = timedOut;
  const stop = (reason: () => Error) => {
    if (signal.aborted) return;
    stopReason = reason;
    controller.abort(reason());
  };
  const deadline = setTimeout(() => stop(timedOut), config.requestTimeoutMs);
  const onClose = () => {
    if (!reply.raw.writableFinished) stop(() => new ClientDisconnectedError());
  };
  const onShutdown = () => stop(() => new ServerBusyError('shutting-down'));
  reply.raw.once('close', onClose);
  lifecycle.abortRuns.signal.addEventListener('abort', onShutdown, { once: true });
  const cleanup = () => {
    clearTimeout(deadline);
    reply.raw.off('close', onClose);
    lifecycle.abortRuns.signal.removeEventListener('abort', onShutdown);
  };

  let release: () => void;
  try {
    release = await context.runSlots.acquire({ waitMs: Math.max(0, config.requestTimeoutMs - (performance.now() - startedAt)), signal });
  } catch (error) {
    cleanup();
    if (error instanceof ServerBusyError) {
      context.metrics.runsRejected.inc({ reason: error.reason });
      throw error;
    }
    throw stopReason();
  }

  const onStepEvent = trace
    ? (event: StepEvent) => {
        context.metrics.observeStep(event);
        trace.onStepEvent(event);
      }
    : context.metrics.observeStep;
  const loader = context.loadImageUrl;
  const runStartedAt = performance.now();
  const run = workflow.run(body.inputs, {
    signal,
    maxConcurrentSteps: config.maxConcurrentSteps,
    elementConcurrency: config.elementConcurrency,
    loadImageUrl: loader ? (url) => loader(url, signal) : undefined,
    onStepEvent,
    onUsage: context.metrics.observeUsage,
    services: context.services,
    logger: blockLoggerFor(request.log, scrubber),
  });
  void run.then(release, release);

  let outputs: Awaited<typeof run>;
  try {
    outputs = await raceAbort(run, signal);
  } catch (error) {
    if (signal.aborted) throw stopReason();
    throw error;
  } finally {
    cleanup();
  }
  const serialized = workflow.serialize(outputs);
  if (body.excluded_fields?.length) {
    for (const record of serialized) for (const field of body.excluded_fields) delete record[field];
  }
  const profilerTrace: ChromeTraceEvent[] = trace ? trace.finish(runStartedAt, performance.now(), { workflow_id: options.workflowId ?? null }) : [];
  if (options.workflowId) reply.header('x-workflow-id', options.workflowId);
  return { outputs: serialized, profiler_trace: profilerTrace };
}

/** Settles with the promise, or rejects as soon as the signal aborts (a block may ignore its signal). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
