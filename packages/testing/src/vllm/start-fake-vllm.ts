import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/read-body.js';
import { startHttpServer } from '../http/start-http-server.js';
import type { FakeVllmContext, RouteRequest, RouteResult } from './fake-vllm-context.js';
import type { FakeVllm, FakeVllmFault, FakeVllmOptions, RecordedRequest } from './fake-vllm-options.js';
import { classify } from './routes/classify.js';
import { embeddings } from './routes/embeddings.js';
import { models } from './routes/models.js';
import { pooling } from './routes/pooling.js';
import { rerank, score } from './routes/score.js';
import { detokenize, tokenize } from './routes/tokenize.js';
import { vllmErrorBody } from './vllm-error-body.js';
import { VllmHttpError, routeNotFound, schemaError } from './vllm-http-error.js';

interface Route {
  methods: readonly string[];
  /** vLLM mounts a route only if the model supports its task; unmounted routes get FastAPI's 404. */
  mounted(context: FakeVllmContext): boolean;
  handle(request: RouteRequest, context: FakeVllmContext): RouteResult;
}

const always = () => true;
const scoring = (context: FakeVllmContext) => context.task === 'embed' || (context.task === 'classify' && context.labels.length === 1);
const post = (handle: Route['handle'], mounted: Route['mounted'] = always): Route => ({ methods: ['POST'], mounted, handle });

const routes: Record<string, Route> = {
  '/classify': post(classify, (context) => context.task === 'classify' || context.task === 'token_classify'),
  '/pooling': post(pooling),
  '/score': post(score, scoring),
  '/v1/score': post(score, scoring),
  '/rerank': post(rerank, scoring),
  '/v1/rerank': post(rerank, scoring),
  '/v2/rerank': post(rerank, scoring),
  '/v1/embeddings': post(embeddings, (context) => context.task === 'embed'),
  '/tokenize': post(tokenize),
  '/detokenize': post(detokenize),
  '/v1/models': { methods: ['GET'], mounted: always, handle: (_, context) => models(context) },
  '/version': { methods: ['GET'], mounted: always, handle: (_, context) => ({ body: { version: context.version } }) },
};

/** Paths `vllm serve --api-key` guards; everything else (including `/classify`) is open. */
const guardedPrefixes = ['/v1', '/v2', '/inference'];

/**
 * Starts a fake vLLM pooling server on 127.0.0.1 that speaks the real wire protocol: both `/classify` body
 * styles, `/pooling`, `/score`, `/rerank`, `/v1/embeddings`, `/tokenize`, `/v1/models`, `/health`, vLLM's
 * error bodies and statuses, and injectable faults. Outputs are deterministic functions of the prompt.
 */
export async function startFakeVllm(options: FakeVllmOptions = {}): Promise<FakeVllm> {
  const context: FakeVllmContext = {
    model: options.model ?? 'fake/classifier',
    loraAdapters: options.loraAdapters ?? [],
    task: options.task ?? 'classify',
    labels: options.labels ?? ['Default', 'Spoiled'],
    embeddingSize: options.embeddingSize ?? 8,
    maxModelLength: options.maxModelLength ?? 512,
    hasChatTemplate: options.hasChatTemplate ?? true,
    version: options.version ?? '0.21.1.dev0+fake',
    startedAt: Date.now(),
  };
  const errorShape = options.errorShape ?? 'current';
  const requests: RecordedRequest[] = [];
  let faults: FakeVllmFault[] = [];
  let healthy = true;
  let inFlight = 0;
  let maxInFlight = 0;
  let cancelled = 0;

  const takeFault = (path: string): FakeVllmFault | undefined => {
    const fault = faults.find((candidate) => candidate.path === undefined || candidate.path === path);
    if (fault?.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) faults = faults.filter((candidate) => candidate !== fault);
    }
    return fault;
  };

  const sendError = (response: ServerResponse, error: VllmHttpError, headers: Record<string, string>) => {
    send(response, error.status, vllmErrorBody(error.shape ?? errorShape, error.status, error.message, error.type, error.param), headers);
  };

  const listener = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    requests.push({ method, path, headers: { ...request.headers }, body, json: parseJson(body) });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let droppedOnPurpose = false;
    response.once('close', () => {
      inFlight -= 1;
      if (!response.writableFinished && !droppedOnPurpose) cancelled += 1;
    });

    const sentRequestId = header(request, 'x-request-id');
    const headers: Record<string, string> = options.enableRequestIdHeaders ? { 'x-request-id': sentRequestId ?? randomUUID().replaceAll('-', '') } : {};

    const fault = takeFault(path);
    switch (fault?.kind) {
      case 'hang':
        return; // The socket stays open until the client gives up or close() drops it.
      case 'reset':
        droppedOnPurpose = true;
        request.socket.destroy();
        return;
      case 'latency':
        await sleep(fault.ms, response);
        break;
      case 'error':
        send(response, fault.status, fault.body ?? vllmErrorBody(fault.shape ?? errorShape, fault.status, fault.message, fault.type, fault.param), {
          ...headers,
          ...fault.headers,
        });
        return;
      case 'malformed':
        send(response, 200, '{"id":"classify-0","object":"list","data":[{"index":0,"lab', headers);
        return;
      case 'wrong-shape':
        send(response, 200, JSON.stringify({ id: 'classify-0', object: 'list', data: 'not a list' }), headers);
        return;
      case undefined:
        break;
    }

    try {
      if (path === '/health' || path === '/ping') {
        if (method !== 'GET' && !(path === '/ping' && method === 'POST')) throw new VllmHttpError(405, 'Method Not Allowed', { shape: 'detail' });
        send(response, healthy ? 200 : 503, '', headers);
        return;
      }
      if (guardedPrefixes.some((prefix) => path.startsWith(prefix)) && options.apiKey !== undefined && method !== 'OPTIONS') {
        const match = /^bearer\s+(.+)$/i.exec(header(request, 'authorization') ?? '');
        if (match?.[1] !== options.apiKey) throw new VllmHttpError(401, 'Unauthorized', { shape: 'string' });
      }
      const route = routes[path];
      if (!route || !route.mounted(context)) throw routeNotFound();
      if (!route.methods.includes(method)) throw new VllmHttpError(405, 'Method Not Allowed', { shape: 'detail' });
      let parsed: Record<string, unknown> = {};
      if (method === 'POST') {
        if (!/^application\/json\s*(;|$)/i.test(header(request, 'content-type') ?? '')) {
          throw schemaError("Unsupported Media Type: Only 'application/json' is allowed");
        }
        const json = parseJson(body);
        if (typeof json !== 'object' || json === null || Array.isArray(json)) throw schemaError('JSON decode error: the body must be a JSON object.');
        parsed = json as Record<string, unknown>;
      }
      const result = route.handle({ body: parsed, requestId: sentRequestId }, context);
      if (options.latencyMs) await sleep(options.latencyMs, response);
      send(response, result.status ?? 200, JSON.stringify(result.body), headers);
    } catch (error) {
      if (!(error instanceof VllmHttpError)) throw error;
      sendError(response, error, headers);
    }
  };

  const server = await startHttpServer(listener);
  return {
    url: server.url,
    requests,
    setFault: (fault) => {
      faults.push({ ...fault });
    },
    clearFaults: () => {
      faults = [];
    },
    setHealthy: (value) => {
      healthy = value;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get cancelled() {
      return cancelled;
    },
    close: () => server.close(),
  };
}

function send(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  if (response.destroyed) return; // The client went away (vLLM aborts the work too).
  const contentType = text === '' ? {} : { 'content-type': 'application/json' };
  response.writeHead(status, { ...contentType, 'content-length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Waits, but stops early when the client disconnects, so slow fakes never outlive their clients. */
function sleep(ms: number, response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    response.once('close', done);
    function done() {
      clearTimeout(timer);
      response.off('close', done);
      resolve();
    }
  });
}
