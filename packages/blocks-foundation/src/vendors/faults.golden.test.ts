import { createAnthropic } from '@flow/providers-anthropic';
import { createGemini } from '@flow/providers-gemini';
import { createOpenAI } from '@flow/providers-openai';
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeReply, type FakeVendor, type FakeVendorFault } from '@flow/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainedWorkflow, goldenEngine, registryFor } from './test-support/golden.js';
import { pngImage } from './test-support/workflows.js';

const KEY = 'sk-fault-key-123456';
const WRONG_KEY = 'sk-wrong-key-987654';

interface VendorCase {
  name: string;
  start: (options: { apiKey: string }) => Promise<FakeVendor>;
  provider: (fake: FakeVendor) => Record<string, Parameters<typeof registryFor>[0][string]>;
  vendor: string;
  latest: string;
  first: string;
  truncated: FakeReply;
  truncatedFirst: FakeReply;
  blocked: FakeReply;
  /** A 429 that asks for a short wait (Gemini's fake asks for 20 s by default). */
  rateLimited: FakeVendorFault;
  unexpectedStop: FakeReply;
}

const cases: VendorCase[] = [
  {
    name: 'OpenAI',
    start: startFakeOpenAI,
    provider: (fake) => ({ openai: createOpenAI({ baseURL: fake.baseURL }) }),
    vendor: 'OpenAI',
    latest: 'roboflow_core/open_ai@v5',
    first: 'roboflow_core/open_ai@v2',
    truncated: { text: 'partial', finishReason: 'max_output_tokens' },
    truncatedFirst: { text: 'partial', finishReason: 'length' },
    blocked: { refusal: 'I cannot help with that.' },
    rateLimited: { kind: 'error', status: 429, message: 'Rate limit reached' },
    unexpectedStop: { text: 'half', finishReason: 'failed' },
  },
  {
    name: 'Anthropic',
    start: startFakeAnthropic,
    provider: (fake) => ({ anthropic: createAnthropic({ baseURL: fake.baseURL }) }),
    vendor: 'Anthropic',
    latest: 'roboflow_core/anthropic_claude@v3',
    first: 'roboflow_core/anthropic_claude@v1',
    truncated: { text: 'partial', finishReason: 'max_tokens' },
    truncatedFirst: { text: 'partial', finishReason: 'max_tokens' },
    blocked: { refusal: 'I cannot help with that.' },
    rateLimited: { kind: 'error', status: 429, message: 'Rate limit reached' },
    unexpectedStop: { text: 'half', finishReason: 'pause_turn' },
  },
  {
    name: 'Gemini',
    start: startFakeGemini,
    provider: (fake) => ({ gemini: createGemini({ baseURL: fake.baseURL }) }),
    vendor: 'Google Gemini',
    latest: 'roboflow_core/google_gemini@v4',
    first: 'roboflow_core/google_gemini@v1',
    truncated: { text: 'partial', finishReason: 'MAX_TOKENS' },
    truncatedFirst: { text: 'partial', finishReason: 'MAX_TOKENS' },
    blocked: { finishReason: 'SAFETY' },
    unexpectedStop: { text: 'half', finishReason: 'MALFORMED_FUNCTION_CALL' },
    rateLimited: {
      kind: 'error',
      status: 429,
      body: JSON.stringify({ error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.01s' }] } }),
    },
  },
];

for (const vendorCase of cases) {
  describe(`faults from ${vendorCase.name}`, () => {
    let fake: FakeVendor;
    let providers: ReturnType<typeof registryFor>;
    let retrying: ReturnType<typeof registryFor>;

    beforeAll(async () => {
      fake = await vendorCase.start({ apiKey: KEY });
      providers = registryFor(vendorCase.provider(fake));
      retrying = registryFor(vendorCase.provider(fake), { maxRetries: 2 });
    });
    afterAll(() => fake.close());
    beforeEach(() => {
      fake.clearFaults();
      fake.reply('fine');
    });

    const run = async (type: string, options: { key?: string; registry?: ReturnType<typeof registryFor>; images?: number; concurrency?: number } = {}) => {
      const workflow = goldenEngine.compile({
        ...chainedWorkflow(type, { task_type: 'ocr', api_key: options.key ?? KEY, ...(options.concurrency ? { max_concurrent_requests: options.concurrency } : {}) }),
        inputs: [{ type: 'WorkflowBatchInput', name: 'image', kind: ['image'] }],
      });
      const images = Array.from({ length: options.images ?? 1 }, () => pngImage(16, 16));
      const outputs = await workflow.run({ image: images }, { services: { providers: options.registry ?? providers } });
      return workflow.serialize(outputs);
    };

    it('429 without retries fails the step naming the image, the vendor and the status', async () => {
      fake.setFault({ ...vendorCase.rateLimited, times: 1 });
      await expect(run(vendorCase.latest)).rejects.toThrow(new RegExp(`image 0: ${vendorCase.vendor} request failed \\(status 429\\)`));
    });

    it('429 then success: the registry retries and the run completes', async () => {
      fake.setFault({ ...vendorCase.rateLimited, times: 1 });
      await expect(run(vendorCase.latest, { registry: retrying })).resolves.toEqual([{ output: 'fine' }]);
    });

    it('401 for a wrong key: a clear failure that never shows the key', async () => {
      const failure = (await run(vendorCase.latest, { key: WRONG_KEY }).catch((error: unknown) => error)) as Error;
      expect(failure).toBeInstanceOf(Error);
      // Google answers a wrong key with 400 API_KEY_INVALID, the others with 401.
      expect(failure.message).toMatch(/status 40[01]/);
      expect(JSON.stringify({ message: failure.message, cause: String((failure as { cause?: unknown }).cause) })).not.toContain(WRONG_KEY);
    });

    it('5xx fails the step naming the image of the batch that failed', async () => {
      let calls = 0;
      fake.reply(() => (calls++ === 0 ? 'first is fine' : { status: 500, body: { error: { message: 'Internal error' } } }));
      await expect(run(vendorCase.latest, { images: 2, concurrency: 1 })).rejects.toThrow(new RegExp(`image 1: ${vendorCase.vendor} request failed \\(status 500\\)`));
    });

    it('5xx after the retries still fails, with the status', async () => {
      fake.setFault({ kind: 'error', status: 503, message: 'Overloaded' });
      await expect(run(vendorCase.latest, { registry: retrying })).rejects.toThrow(/image 0: .*status 503/);
      expect(fake.requests.slice(-3).every((request) => request.method === 'POST')).toBe(true);
    });

    it('a max_tokens stop fails the latest version with advice, older versions hand on the partial text', async () => {
      fake.reply(vendorCase.truncated);
      await expect(run(vendorCase.latest)).rejects.toThrow(/max_tokens limit.*Raise `max_tokens`/);
      fake.reply(vendorCase.truncatedFirst);
      await expect(run(vendorCase.first)).resolves.toEqual([{ output: 'partial' }]);
    });

    it('a safety stop or refusal fails the step in every version', async () => {
      fake.reply(vendorCase.blocked);
      await expect(run(vendorCase.latest)).rejects.toThrow(/withheld its answer/);
      await expect(run(vendorCase.first)).rejects.toThrow(/withheld its answer/);
    });

    it('an unexpected stop fails the latest version only', async () => {
      fake.reply(vendorCase.unexpectedStop);
      await expect(run(vendorCase.latest)).rejects.toThrow(/stopped its answer for an unexpected reason/);
    });

    it('an empty answer fails every version', async () => {
      fake.reply('');
      await expect(run(vendorCase.latest)).rejects.toThrow(new RegExp(`${vendorCase.vendor} returned no text`));
      await expect(run(vendorCase.first)).rejects.toThrow(new RegExp(`${vendorCase.vendor} returned no text`));
    });
  });
}
