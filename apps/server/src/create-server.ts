import { randomUUID } from 'node:crypto';
import { createEngineWithPlugins, isWorkflowError, type BlockPack, type Engine } from '@flow/engine';
import { stringifyJson } from '@flow/kinds';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import packageJson from '../package.json' with { type: 'json' };
import { CompiledWorkflowCache } from './cache/compiled-workflow-cache.js';
import { createModelServices } from './models/model-services.js';
import { loadServerConfig, mergeServerConfig, type ServerConfig, type ServerConfigOverrides } from './config.js';
import { defaultBlockPacks } from './default-packs.js';
import { toErrorResponse } from './errors/error-responses.js';
import { registerCors } from './http/cors.js';
import { HttpError } from './errors/http-errors.js';
import { createAddressPolicy, type AddressPolicy } from './images/address-policy.js';
import { FetchBudget } from './images/fetch-budget.js';
import { createImageUrlLoader, type ResolvedAddress } from './images/fetch-image-url.js';
import { RunSlots, ServerBusyError } from './limits/run-slots.js';
import { createLoggerOptions, type LogDestination } from './logging/logger-options.js';
import { RequestLogController } from './logging/request-log-controller.js';
import { stdoutDestination } from './logging/stdout-destination.js';
import { ServerMetrics } from './metrics/server-metrics.js';
import { registerDescribeRoutes } from './routes/describe-routes.js';
import { registerGraphRoutes } from './routes/graph-routes.js';
import { registerOperationsRoutes } from './routes/operations-routes.js';
import { registerRunRoutes } from './routes/run-routes.js';
import { ClientDisconnectedError } from './routes/run-stopper.js';
import { SavedWorkflowStore } from './saved-workflows/saved-workflow-store.js';
import type { ServerContext } from './server-context.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's shared state: config, engine, cache, limits, metrics, lifecycle. */
    flow: ServerContext;
  }
}

export interface CreateServerOptions {
  /** Settings over those read from `env` (see `loadServerConfig`). */
  config?: ServerConfigOverrides;
  /** Environment to read the configuration from; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Block packs to serve; default the first-party packs (formatters). */
  packs?: readonly BlockPack[];
  /** Module specifiers of extra packs to import, besides `FLOW_PLUGINS`. */
  plugins?: readonly string[];
  /** Where plugin package names are resolved from; default the working directory. */
  cwd?: string;
  /** A ready engine; when given, `packs` and `plugins` are ignored. */
  engine?: Engine;
  /** Handed to blocks as `context.services`; default the four model providers (`createModelServices(env)`). */
  services?: Record<string, unknown>;
  /** Where JSON logs go (default stdout); `false` turns logging off. */
  logDestination?: LogDestination | false;
  /** Overrides the URL address policy (tests). */
  addressPolicy?: AddressPolicy;
  /** Overrides name resolution for URL images (tests). */
  resolveHostname?: (hostname: string) => Promise<ResolvedAddress[]>;
}

const requestIdPattern = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

const discardLines: LogDestination = { write() {} };

/**
 * Builds the Fastify app with every route, ready for `inject` or `listen`. It does not listen and installs
 * no signal handlers: `startServer` does both.
 */
export async function createServer(options: CreateServerOptions = {}): Promise<FastifyInstance> {
  const config: ServerConfig = mergeServerConfig(loadServerConfig(options.env ?? process.env), options.config);
  const engine =
    options.engine ??
    (await createEngineWithPlugins({ packs: options.packs ?? defaultBlockPacks, plugins: [...(options.plugins ?? []), ...config.plugins], cwd: options.cwd, env: {} }));
  const runSlots = new RunSlots(config.maxConcurrentRuns, config.maxQueuedRuns);
  const metrics = new ServerMetrics({ collectDefault: config.collectDefaultMetrics, gauges: { inFlight: () => runSlots.inFlight, queued: () => runSlots.queued } });
  const context: ServerContext = {
    config,
    engine,
    cache: new CompiledWorkflowCache(engine, config.compiledCacheSize),
    runSlots,
    metrics,
    savedWorkflows: new SavedWorkflowStore(config.workflowsDir),
    loadImageUrl: config.urlImages.enabled
      ? createImageUrlLoader({
          policy: options.addressPolicy ?? createAddressPolicy({ allowPrivateAddresses: config.urlImages.allowPrivateAddresses }),
          allowHttp: config.urlImages.allowHttp,
          timeoutMs: config.urlImages.timeoutMs,
          maxBytes: config.urlImages.maxBytes,
          maxRedirects: config.urlImages.maxRedirects,
          resolve: options.resolveHostname,
        })
      : undefined,
    fetchBudget: new FetchBudget(config.urlImages.maxBytesPerRequest, config.urlImages.maxBytesInFlight),
    lifecycle: { draining: false, abortRuns: new AbortController(), runStoppers: new Set() },
    services: options.services ?? { ...createModelServices(options.env ?? process.env) },
    routes: [],
    maxJsonDepth: config.maxJsonDepth,
  };

  const fastifyOptions: FastifyServerOptions = {
    // Logging off is a silent logger, not none: without a logger Fastify would not report finished responses
    // to the log controller, which also counts them for /metrics.
    logger: options.logDestination === false ? createLoggerOptions('silent', discardLines) : createLoggerOptions(config.logLevel, options.logDestination ?? stdoutDestination({ sync: config.logSync })),
    bodyLimit: config.bodyLimitBytes,
    // Time allowed to receive a whole request; slow senders are cut off (runs have their own deadline).
    requestTimeout: Math.max(30_000, config.requestTimeoutMs),
    requestIdHeader: false,
    // One line per request and its metrics, written when Fastify says the response is done (Fastify's own writes two lines).
    logController: new RequestLogController(metrics),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // A malformed or over-long URL gets our `{"message": ...}` body, not Fastify's own shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status: number = typeof error.statusCode === 'number' ? error.statusCode : 400;
      const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment of the URL is too long.' : error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid (a malformed percent-encoding?).' : 'The request could not be routed.';
      void reply.code(status).send({ message });
    },
  };
  const { lifecycle } = context;
  lifecycle.abortRuns.signal.addEventListener('abort', () => {
    for (const run of [...lifecycle.runStoppers]) run.shutdown();
  }, { once: true });
  const app = Fastify(fastifyOptions);
  app.decorate('flow', context);
  app.decorateRequest('secretScrubber', null);
  // Float-kinded numbers (boxes, confidences) print as `2.0`, as the reference's do; the rest is JSON.stringify's.
  app.setReplySerializer((payload) => stringifyJson(payload));

  // JSON whatever the Content-Type says (curl sends form encoding by default); an empty body is "no body".
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    // Only a body that starts with whitespace can be blank; the others skip trim()'s copy of the text.
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) done(null, undefined);
    else parseJson(request, text, done);
  });

  // `Content-Type:` sent empty means no media type, as when the header is missing (then the body is JSON).
  app.addHook('onRequest', (request, _reply, done) => {
    const type = request.headers['content-type'];
    if (type !== undefined && type.trim() === '') delete request.headers['content-type'];
    done();
  });
  // Callback style: an async hook costs Fastify a promise and a microtask per request.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    reply.header('x-processing-time', (reply.elapsedTime / 1000).toFixed(4));
    if (context.lifecycle.draining) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onClose', async () => runSlots.close());

  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ detail: 'Not Found' });
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ClientDisconnectedError) {
      request.log.info('client disconnected; the run was stopped');
      metrics.workflowErrors.inc({ error_type: 'ClientDisconnected', status: '499' });
      return reply.code(499).send();
    }
    const response = toErrorResponse(error, request.secretScrubber ?? undefined);
    const errorType = isWorkflowError(error) ? error.errorType : error instanceof ServerBusyError ? 'ServerBusy' : error instanceof HttpError ? `Http${response.status}` : response.status === 422 ? 'RequestValidation' : response.status >= 500 ? 'Internal' : 'BadRequest';
    metrics.workflowErrors.inc({ error_type: errorType, status: String(response.status) });
    if (response.unexpected) request.log.error({ err: error }, 'request failed with an unexpected error');
    else if (response.status >= 500) request.log.warn({ error_type: errorType, message: response.body.message }, 'request failed');
    else request.log.info({ error_type: errorType, status: response.status }, 'request refused');
    return reply.code(response.status).headers(response.headers).send(response.body);
  });

  registerCors(app, config.corsOrigins);
  registerRunRoutes(app, context);
  registerDescribeRoutes(app, context);
  registerGraphRoutes(app, context);
  registerOperationsRoutes(app, context, { version: packageJson.version });
  return app;
}
