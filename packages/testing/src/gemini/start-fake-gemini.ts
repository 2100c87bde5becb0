import type { FakeReply, FakeVendor, FakeVendorOptions, RecordedRequest } from '../vendor/fake-vendor-types.js';
import { fakeUsage } from '../vendor/fake-usage.js';
import { header, startFakeVendor, type FakeAnswer, type VendorSpec } from '../vendor/start-fake-vendor.js';
import { geminiErrorBody } from './gemini-error-body.js';

/** Finish reasons after which Gemini sends a candidate without content. */
const blockedFinishes = new Set(['SAFETY', 'RECITATION', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'IMAGE_SAFETY']);

let sequence = 0;

function generateContent(request: RecordedRequest, reply: FakeReply, match: RegExpExecArray): FakeAnswer {
  const model = reply.model ?? match[1] ?? 'gemini-fake';
  const usage = fakeUsage(request, reply, reply.text ?? '');
  sequence += 1;
  const usageMetadata = { promptTokenCount: usage.inputTokens, candidatesTokenCount: usage.outputTokens, totalTokenCount: usage.inputTokens + usage.outputTokens };
  if (reply.blockReason !== undefined) {
    return { body: { promptFeedback: { blockReason: reply.blockReason, safetyRatings: [] }, usageMetadata: { promptTokenCount: usage.inputTokens, totalTokenCount: usage.inputTokens }, modelVersion: model, responseId: `resp-fake-${sequence}` } };
  }
  const finishReason = reply.finishReason ?? 'STOP';
  const candidate = {
    ...(blockedFinishes.has(finishReason) ? {} : { content: { parts: [{ text: reply.text ?? '' }], role: 'model' } }),
    finishReason,
    index: 0,
  };
  return { body: { candidates: [candidate], usageMetadata, modelVersion: model, responseId: `resp-fake-${sequence}` } };
}

const geminiSpec: VendorSpec = {
  routes: [{ method: 'POST', path: /^\/v1beta\/models\/([^/:]+):generateContent$/, handle: generateContent }],
  basePath: '',
  readKey: (request) => header(request, 'x-goog-api-key') ?? new URL(request.url ?? '/', 'http://fake').searchParams.get('key') ?? undefined,
  errorBody: geminiErrorBody,
  unauthorizedMessage: (key) => `API key not valid. Please pass a valid API key. (got ${key ?? 'none'})`,
  unauthorizedStatus: 400,
  wrongShapeBody: { candidates: 'not a list' },
};

/**
 * A fake Gemini API on 127.0.0.1: `POST /v1beta/models/{model}:generateContent` with `x-goog-api-key` (or
 * `?key=`), candidates with Gemini's finish reasons (content left out after SAFETY and the other blocking
 * finishes), `promptFeedback.blockReason` (a reply's `blockReason`), `usageMetadata`, Google's error envelope (a 400
 * `API_KEY_INVALID` for a wrong key, `RetryInfo` on 429) and injectable faults. Point the client at `fake.baseURL`.
 */
export function startFakeGemini(options: FakeVendorOptions = {}): Promise<FakeVendor> {
  return startFakeVendor(geminiSpec, options);
}
