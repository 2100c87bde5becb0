import type { IncomingMessage } from 'node:http';
import type { FakeReply, FakeVendor, FakeVendorOptions, RecordedRequest } from '../vendor/fake-vendor-types.js';
import { fakeUsage, requestedModel } from '../vendor/fake-usage.js';
import { header, startFakeVendor, type VendorRoute, type VendorSpec } from '../vendor/start-fake-vendor.js';
import { openAIErrorBody } from './openai-error-body.js';

let sequence = 0;

/** `POST /v1/chat/completions` (non-streaming): `finishReason` is the wire value (`stop`, `length`, `content_filter`, ...). */
export function chatCompletionBody(request: RecordedRequest, reply: FakeReply, idPrefix = 'chatcmpl-fake'): Record<string, unknown> {
  const text = reply.text ?? '';
  const usage = fakeUsage(request, reply, text);
  sequence += 1;
  return {
    id: `${idPrefix}${sequence}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: reply.model ?? requestedModel(request),
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.refusal === undefined ? text : null, refusal: reply.refusal ?? null, annotations: [] },
        logprobs: null,
        finish_reason: reply.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: usage.inputTokens,
      completion_tokens: usage.outputTokens,
      total_tokens: usage.inputTokens + usage.outputTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}

/**
 * `POST /v1/responses` (non-streaming). `finishReason`: `completed` (default), `max_output_tokens` or
 * `content_filter` (status `incomplete` with that reason), or `failed` (status `failed` with an error).
 */
function responseBody(request: RecordedRequest, reply: FakeReply): Record<string, unknown> {
  const text = reply.text ?? '';
  const usage = fakeUsage(request, reply, text);
  const reason = reply.finishReason ?? 'completed';
  const status = reason === 'completed' ? 'completed' : reason === 'failed' ? 'failed' : 'incomplete';
  sequence += 1;
  const content = reply.refusal === undefined ? [{ type: 'output_text', text, annotations: [], logprobs: [] }] : [{ type: 'refusal', refusal: reply.refusal }];
  return {
    id: `resp_fake${sequence}`,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    error: status === 'failed' ? { code: 'server_error', message: 'The model failed to generate a response.' } : null,
    incomplete_details: status === 'incomplete' ? { reason } : null,
    model: reply.model ?? requestedModel(request),
    output: status === 'failed' ? [] : [{ type: 'message', id: `msg_fake${sequence}`, status: 'completed', role: 'assistant', content }],
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
    usage: {
      input_tokens: usage.inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: usage.outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.inputTokens + usage.outputTokens,
    },
  };
}

const routes: VendorRoute[] = [
  { method: 'POST', path: /^\/v1\/chat\/completions$/, handle: (request, reply) => ({ body: chatCompletionBody(request, reply) }) },
  { method: 'POST', path: /^\/v1\/responses$/, handle: (request, reply) => ({ body: responseBody(request, reply) }) },
];

export function bearerKey(request: IncomingMessage): string | undefined {
  return /^bearer\s+(.+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
}

const openAISpec: VendorSpec = {
  routes,
  basePath: '/v1',
  readKey: bearerKey,
  errorBody: openAIErrorBody,
  // The real API shows a masked key; the fake echoes it whole so tests prove the client masks it.
  unauthorizedMessage: (key) => `Incorrect API key provided: ${key ?? '(none)'}. You can find your API key at https://platform.openai.com/account/api-keys.`,
  requestIdHeader: 'x-request-id',
  wrongShapeBody: { object: 'chat.completion', choices: 'not a list' },
};

/**
 * A fake OpenAI API on 127.0.0.1: `POST /v1/chat/completions` and `POST /v1/responses` (non-streaming), OpenAI's
 * error envelope, `x-request-id` on every answer, and injectable faults. Point the SDK at `fake.baseURL`.
 */
export function startFakeOpenAI(options: FakeVendorOptions = {}): Promise<FakeVendor> {
  return startFakeVendor(openAISpec, options);
}
