// Fakes of third-party HTTP APIs for tests and benches. One line per export; add new fakes below.
export { startHttpServer, type RunningHttpServer, type RequestListener } from './http/start-http-server.js';
export { readBody } from './http/read-body.js';
export { startFakeVllm } from './vllm/start-fake-vllm.js';
export type { FakeVllm, FakeVllmOptions, FakeVllmFault, FakeVllmFaultKind, FakeVllmTask, RecordedRequest } from './vllm/fake-vllm-options.js';
export { vllmErrorBody, type VllmErrorShape } from './vllm/vllm-error-body.js';
export { makePng, makePngHeader, makeJpegHeader } from './images/make-images.js';
export type { FakeVendor, FakeVendorOptions, FakeVendorFault, FakeVendorFaultKind, FakeReply, FakeResponder } from './vendor/fake-vendor-types.js';
export { startFakeOpenAI } from './openai/start-fake-openai.js';
export { startFakeOpenRouter } from './openrouter/start-fake-openrouter.js';
export { startFakeAnthropic } from './anthropic/start-fake-anthropic.js';
export { startFakeGemini } from './gemini/start-fake-gemini.js';
