import type { FakeReply, RecordedRequest } from './fake-vendor-types.js';

/** Deterministic token counts when a reply gives none: about four characters of request per input token, one per output word. */
export function fakeUsage(request: RecordedRequest, reply: FakeReply, text: string): { inputTokens: number; outputTokens: number } {
  return reply.usage ?? { inputTokens: Math.max(1, Math.ceil(request.body.length / 4)), outputTokens: text.split(/\s+/).filter(Boolean).length };
}

/** The `model` field of a JSON request body, or a fallback. */
export function requestedModel(request: RecordedRequest, fallback = 'fake-model'): string {
  const body = request.json as { model?: unknown } | undefined;
  return typeof body?.model === 'string' ? body.model : fallback;
}
