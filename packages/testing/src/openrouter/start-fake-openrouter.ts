import { chatCompletionBody, bearerKey } from '../openai/start-fake-openai.js';
import type { FakeReply, FakeVendor, FakeVendorOptions, RecordedRequest } from '../vendor/fake-vendor-types.js';
import { requestedModel } from '../vendor/fake-usage.js';
import { startFakeVendor, type VendorSpec } from '../vendor/start-fake-vendor.js';

/** OpenRouter's error envelope: `{"error": {code, message, metadata?}}`, `code` being the HTTP status. */
export function openRouterErrorBody(status: number, message: string): unknown {
  return { error: { code: status, message } };
}

/** OpenRouter normalises finish reasons and keeps the upstream one in `native_finish_reason`. */
const normalised: Record<string, string> = { end_turn: 'stop', max_tokens: 'length', MAX_TOKENS: 'length', SAFETY: 'content_filter', STOP: 'stop' };

function completion(request: RecordedRequest, reply: FakeReply): Record<string, unknown> {
  if (reply.error !== undefined) {
    // What OpenRouter sends with status 200 when the upstream provider failed after routing.
    return { id: `gen-fake-${Date.now()}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: requestedModel(request), choices: null, error: reply.error };
  }
  const native = reply.finishReason ?? 'stop';
  const body = chatCompletionBody(request, { ...reply, finishReason: normalised[native] ?? native }, 'gen-fake-');
  const [choice] = body['choices'] as Record<string, unknown>[];
  if (choice) choice['native_finish_reason'] = native;
  return { ...body, provider: 'FakeUpstream' };
}

const openRouterSpec: VendorSpec = {
  routes: [{ method: 'POST', path: /^\/api\/v1\/chat\/completions$/, handle: (request, reply) => ({ body: completion(request, reply) }) }],
  basePath: '/api/v1',
  readKey: bearerKey,
  errorBody: openRouterErrorBody,
  unauthorizedMessage: (key) => `No user or org found for key ${key ?? '(none)'}`,
  wrongShapeBody: { id: 'gen-0', choices: 'not a list' },
};

/**
 * A fake OpenRouter on 127.0.0.1: the OpenAI-compatible `POST /api/v1/chat/completions` with OpenRouter's extras
 * (`provider`, `native_finish_reason`, `gen-` ids, `{error: {code, message}}` bodies), and the 200 reply with
 * `choices: null` plus `error` (program it with a reply's `error`). Point the SDK at `fake.baseURL`.
 */
export function startFakeOpenRouter(options: FakeVendorOptions = {}): Promise<FakeVendor> {
  return startFakeVendor(openRouterSpec, options);
}
