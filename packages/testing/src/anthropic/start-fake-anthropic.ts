import type { FakeReply, FakeVendor, FakeVendorOptions, RecordedRequest } from '../vendor/fake-vendor-types.js';
import { fakeUsage, requestedModel } from '../vendor/fake-usage.js';
import { bearerKey } from '../openai/start-fake-openai.js';
import { header, sseEvent, startFakeVendor, type FakeAnswer, type VendorSpec } from '../vendor/start-fake-vendor.js';
import { anthropicErrorBody, anthropicErrorType } from './anthropic-error-body.js';

let sequence = 0;

interface MessagesRequest {
  model?: string;
  stream?: boolean;
  tool_choice?: { type?: string; name?: string };
}

type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown };

/**
 * The content Claude would answer with. When the request forces a tool (`tool_choice: {type: 'tool'}`), the reply
 * text is that tool's input (parsed as JSON), as Claude then answers with one `tool_use` block.
 */
function contentOf(request: MessagesRequest, reply: FakeReply): { blocks: Block[]; stopReason: string } {
  const forced = request.tool_choice?.type === 'tool' ? request.tool_choice.name : undefined;
  if (reply.refusal !== undefined) return { blocks: [{ type: 'text', text: reply.refusal }], stopReason: 'refusal' };
  if (forced !== undefined) {
    sequence += 1;
    const input = parseOr(reply.text ?? '{}');
    return { blocks: [{ type: 'tool_use', id: `toolu_fake${sequence}`, name: forced, input }], stopReason: reply.finishReason ?? 'tool_use' };
  }
  return { blocks: [{ type: 'text', text: reply.text ?? '' }], stopReason: reply.finishReason ?? 'end_turn' };
}

function message(request: RecordedRequest, reply: FakeReply): FakeAnswer {
  const body = request.json as MessagesRequest;
  const { blocks, stopReason } = contentOf(body, reply);
  const usage = fakeUsage(request, reply, reply.text ?? reply.refusal ?? '');
  sequence += 1;
  const id = `msg_fake${sequence}`;
  const model = reply.model ?? requestedModel(request);
  const usageBody = { input_tokens: usage.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: usage.outputTokens, service_tier: 'standard' };
  if (reply.error !== undefined && body.stream !== true) {
    const status = typeof reply.error.code === 'number' ? reply.error.code : 500;
    return { status, body: anthropicErrorBody(status, reply.error.message) };
  }
  if (body.stream !== true) {
    return { body: { id, type: 'message', role: 'assistant', model, content: blocks, stop_reason: stopReason, stop_sequence: null, usage: usageBody } };
  }
  // The real event sequence: message_start, per block start/ping/deltas/stop, message_delta with the stop reason, message_stop.
  const events = [
    sseEvent({ type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usageBody, output_tokens: 1 } } }, 'message_start'),
  ];
  if (reply.error !== undefined) {
    // Errors after the stream started arrive as an `error` event (e.g. overloaded_error), not as an HTTP status.
    const status = typeof reply.error.code === 'number' ? reply.error.code : 529;
    events.push(sseEvent({ type: 'error', error: { type: anthropicErrorType(status), message: reply.error.message } }, 'error'));
    return { events };
  }
  blocks.forEach((block, index) => {
    const start = block.type === 'text' ? { type: 'text', text: '' } : { ...block, input: {} };
    events.push(sseEvent({ type: 'content_block_start', index, content_block: start }, 'content_block_start'));
    if (index === 0) events.push(sseEvent({ type: 'ping' }, 'ping'));
    for (const piece of chunks(block.type === 'text' ? block.text : JSON.stringify(block.input))) {
      const delta = block.type === 'text' ? { type: 'text_delta', text: piece } : { type: 'input_json_delta', partial_json: piece };
      events.push(sseEvent({ type: 'content_block_delta', index, delta }, 'content_block_delta'));
    }
    events.push(sseEvent({ type: 'content_block_stop', index }, 'content_block_stop'));
  });
  events.push(sseEvent({ type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.outputTokens } }, 'message_delta'));
  events.push(sseEvent({ type: 'message_stop' }, 'message_stop'));
  return { events };
}

/** Splits text into a few deltas, as the API streams it. */
function chunks(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 3));
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

const anthropicSpec: VendorSpec = {
  routes: [{ method: 'POST', path: /^\/v1\/messages$/, handle: message }],
  basePath: '',
  // `x-api-key` is the documented header; SDK 1.x sends API keys as `Authorization: Bearer`, which the API also takes.
  readKey: (request) => header(request, 'x-api-key') ?? bearerKey(request),
  errorBody: anthropicErrorBody,
  unauthorizedMessage: (key) => `invalid x-api-key: ${key ?? '(none)'}`,
  requestIdHeader: 'request-id',
  wrongShapeBody: { id: 'msg_0', type: 'message', content: 'not a list' },
};

/**
 * A fake Anthropic Messages API on 127.0.0.1: `POST /v1/messages`, non-streamed or as server-sent events with the
 * real event sequence (`stream: true`), forced-tool answers as `tool_use` blocks, Anthropic's error envelope and
 * `request-id` header, mid-stream `error` events (a reply's `error` on a streamed request), and injectable faults.
 * Point the SDK's `baseURL` at `fake.baseURL` (the root: the SDK adds `/v1/messages`).
 */
export function startFakeAnthropic(options: FakeVendorOptions = {}): Promise<FakeVendor> {
  return startFakeVendor(anthropicSpec, options);
}
