import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/read-body.js';
import { startHttpServer } from '../http/start-http-server.js';
import type { FakeReply, FakeResponder, FakeVendor, FakeVendorFault, FakeVendorOptions, RecordedRequest } from './fake-vendor-types.js';

/** What a route answers: a JSON body, or server-sent events already framed (`event: ...\ndata: ...\n\n`). */
export type FakeAnswer = { status?: number; body: unknown } | { events: string[] };

export interface VendorRoute {
  method: string;
  /** Matches the URL path (no query). */
  path: RegExp;
  handle(request: RecordedRequest, reply: FakeReply, match: RegExpExecArray): FakeAnswer;
}

/** The wire details that differ between vendors; the server loop around them is the same. */
export interface VendorSpec {
  routes: readonly VendorRoute[];
  /** The API key as the request carries it (`Authorization: Bearer`, `x-api-key`, ...). */
  readKey(request: IncomingMessage): string | undefined;
  /** The vendor's error body for a status and message. */
  errorBody(status: number, message: string, type?: string): unknown;
  /** Message of the 401 for a wrong key; fakes echo the key so tests prove clients mask it. */
  unauthorizedMessage(key: string | undefined): string;
  /** Status for a wrong key: 401, except Gemini's 400 `API_KEY_INVALID`. */
  unauthorizedStatus?: number;
  /** Response header carrying the request id (`x-request-id`, `request-id`), if the vendor sends one. */
  requestIdHeader?: string;
  /** A valid JSON body that is not the vendor's response shape. */
  wrongShapeBody: unknown;
  /** Path prefix the SDK's `baseURL` carries (`/v1` for OpenAI, `''` for Anthropic). */
  basePath: string;
}

/** Runs a fake vendor: records requests, applies faults, answers through the routes with the programmed replies. */
export async function startFakeVendor(spec: VendorSpec, options: FakeVendorOptions = {}): Promise<FakeVendor> {
  const requests: RecordedRequest[] = [];
  let defaultResponder: FakeResponder = options.reply ?? 'fake answer';
  const queue: FakeResponder[] = [];
  let faults: FakeVendorFault[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let cancelled = 0;
  let requestCounter = 0;

  const takeFault = (path: string): FakeVendorFault | undefined => {
    const fault = faults.find((candidate) => candidate.path === undefined || candidate.path === path);
    if (fault?.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) faults = faults.filter((candidate) => candidate !== fault);
    }
    return fault;
  };

  const listener = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    const recorded: RecordedRequest = { method, path: url.pathname, headers: { ...request.headers }, body: text, json: parseJson(text) };
    requests.push(recorded);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let droppedOnPurpose = false;
    response.once('close', () => {
      inFlight -= 1;
      if (!response.writableFinished && !droppedOnPurpose) cancelled += 1;
    });
    requestCounter += 1;
    const headers: Record<string, string> = spec.requestIdHeader ? { [spec.requestIdHeader]: `req_fake_${requestCounter}` } : {};

    const fault = takeFault(url.pathname);
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
        sendJson(response, fault.status, fault.body ?? JSON.stringify(spec.errorBody(fault.status, fault.message ?? defaultMessage(fault.status), fault.type)), {
          ...headers,
          ...fault.headers,
        });
        return;
      case 'malformed':
        sendJson(response, 200, '{"id":"fake-0","object":"chat.completion","choi', headers);
        return;
      case 'wrong-shape':
        sendJson(response, 200, JSON.stringify(spec.wrongShapeBody), headers);
        return;
      case undefined:
        break;
    }

    if (options.apiKey !== undefined) {
      const key = spec.readKey(request);
      if (key !== options.apiKey) {
        const status = spec.unauthorizedStatus ?? 401;
        sendJson(response, status, JSON.stringify(spec.errorBody(status, spec.unauthorizedMessage(key), 'authentication_error')), headers);
        return;
      }
    }
    for (const route of spec.routes) {
      const match = route.method === method ? route.path.exec(url.pathname) : null;
      if (!match) continue;
      if (typeof recorded.json !== 'object' || recorded.json === null) {
        sendJson(response, 400, JSON.stringify(spec.errorBody(400, 'The request body is not valid JSON.', 'invalid_request_error')), headers);
        return;
      }
      const reply = await resolve(queue.shift() ?? defaultResponder, recorded);
      if (options.latencyMs) await sleep(options.latencyMs, response);
      if (reply.body !== undefined) {
        sendJson(response, reply.status ?? 200, JSON.stringify(reply.body), { ...headers, ...reply.headers });
        return;
      }
      const answer = route.handle(recorded, reply, match);
      if ('events' in answer) sendEvents(response, answer.events, { ...headers, ...reply.headers });
      else sendJson(response, reply.status ?? answer.status ?? 200, JSON.stringify(answer.body), { ...headers, ...reply.headers });
      return;
    }
    sendJson(response, 404, JSON.stringify(spec.errorBody(404, `No route for ${method} ${url.pathname}`, 'not_found_error')), headers);
  };

  const server = await startHttpServer(listener);
  return {
    url: server.url,
    baseURL: `${server.url}${spec.basePath}`,
    requests,
    reply: (responder) => {
      defaultResponder = responder;
    },
    enqueue: (...responders) => {
      queue.push(...responders);
    },
    setFault: (fault) => {
      faults.push({ ...fault });
    },
    clearFaults: () => {
      faults = [];
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

async function resolve(responder: FakeResponder, request: RecordedRequest): Promise<FakeReply> {
  const value = typeof responder === 'function' ? await responder(request) : responder;
  return typeof value === 'string' ? { text: value } : value;
}

function sendJson(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}

function sendEvents(response: ServerResponse, events: readonly string[], headers: Record<string, string>): void {
  if (response.destroyed) return;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  for (const event of events) response.write(event);
  response.end();
}

/** Frames one server-sent event. */
export function sseEvent(data: unknown, event?: string): string {
  return `${event === undefined ? '' : `event: ${event}\n`}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function defaultMessage(status: number): string {
  if (status === 429) return 'Rate limit reached for requests';
  if (status >= 500) return 'The server had an error while processing your request.';
  return `Request failed with status ${status}`;
}

/** Waits, but stops early when the client disconnects, so slow fakes never outlive their clients. */
function sleep(ms: number, response: ServerResponse): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(finish, ms);
    response.once('close', finish);
    function finish() {
      clearTimeout(timer);
      response.off('close', finish);
      done();
    }
  });
}

export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
