// pnpm bench: 256 images through one model (the real OpenAI provider on the openai SDK) against a fake OpenAI
// server with a fixed latency L, in its own process: wall time against the ideal ceil(256 / c) x L at concurrency
// 1, 8 and 32 (and bare fetch of the same bodies as a baseline); bytes uploaded and preparation time for three kinds
// of image; a cached re-run against the first run; the middleware's own cost per call. Prints figures; never asserts
// timings.
import { cpus, loadavg } from 'node:os';
import sharp from 'sharp';
// The OpenAI provider is imported from its source folder: declaring it as a dev dependency would make a
// dependency cycle (providers-openai depends on providers-core).
import { createOpenAI } from '../../providers-openai/src/index.js';
import {
  createMemoryCache,
  createProviderRegistry,
  type GenerateOptions,
  type ImagePart,
  LANGUAGE_MODEL_SPECIFICATION_VERSION,
  type LanguageModel,
  type Provider,
  imageLimitPresets,
  prepareImage,
  resetProviderLimiters,
} from '../src/index.js';
import { screenshotPng } from '../src/images/test-images.js';
import { distinctSmallJpegs, photoJpeg } from './bench-images.js';
import { startFakeOpenAIProcess } from './start-fake-process.js';

const IMAGES = 256;
const LATENCY_MS = Number(process.env['BENCH_LATENCY_MS'] ?? 100);
const CONCURRENCY_LEVELS = [1, 8, 32];
const PREPARATION_ROUNDS = 5;
/** Client CPU (user + system) of the last `runAll` or `bareFetchPool`, per request, in ms: robust to a busy machine. */
let lastCpuPerRequestMs = 0;

console.log(`@flow/providers-core bench: Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}, fake OpenAI (chat completions) in a child process, L = ${LATENCY_MS} ms\n`);

const fake = await startFakeOpenAIProcess({ latencyMs: LATENCY_MS, reply: '{"label": "cat"}' });
let uploadedBytes = 0;
let httpRequests = 0;
const countingFetch: typeof fetch = async (input, init) => {
  httpRequests += 1;
  const body = init?.body;
  if (typeof body === 'string') uploadedBytes += Buffer.byteLength(body);
  return fetch(input, init);
};
const openai = createOpenAI({ apiKey: 'sk-bench-key', baseURL: fake.baseURL, fetch: countingFetch });

try {
  const images = await distinctSmallJpegs(IMAGES);
  await benchThroughput(images);
  await benchSchedulingOnly(images);
  await benchCachedRerun(images);
  await benchPreparation();
  await benchMiddlewareOverhead();
} finally {
  await fake.stop();
}

function request(image: Uint8Array): GenerateOptions {
  return { content: [{ type: 'text', text: 'Which animal is this? Answer as JSON.' }, { type: 'image', data: image, mediaType: 'image/jpeg', detail: 'high' }], maxTokens: 50 };
}


function cpuPerRequest(since: NodeJS.CpuUsage, requests: number): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000 / requests;
}

async function runAll(registry: ReturnType<typeof createProviderRegistry>, images: Uint8Array[]): Promise<number> {
  const model = registry.languageModel('openai', 'gpt-4o');
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(images.map((image) => model.generate(request(image))));
  const wall = performance.now() - started;
  lastCpuPerRequestMs = cpuPerRequest(cpu, images.length);
  return wall;
}

/** The same HTTP bodies the provider sends, by bare `fetch` from `concurrency` workers: what the fake and the machine cost. */
async function bareFetchPool(bodies: string[], concurrency: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await fetch(`${fake.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench-key' }, body });
      await response.text();
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = performance.now() - started;
  lastCpuPerRequestMs = cpuPerRequest(cpu, bodies.length);
  return wall;
}

/** Captures the exact JSON bodies the provider sends for these images (one pass with latency paid once per wave). */
async function capturedBodies(images: Uint8Array[]): Promise<string[]> {
  const bodies: string[] = [];
  const capture = createOpenAI({ apiKey: 'sk-bench-key', baseURL: fake.baseURL, fetch: async (input, init) => {
    if (typeof init?.body === 'string') bodies.push(init.body);
    return fetch(input, init);
  } });
  resetProviderLimiters();
  await runAll(createProviderRegistry({ openai: capture }, { env: {}, cache: false, limits: { openai: { maxConcurrency: 64 } } }), images);
  return bodies;
}

async function benchThroughput(images: Uint8Array[]): Promise<void> {
  const sizes = images.map((image) => image.byteLength).sort((a, b) => a - b);
  console.log(`1) ${IMAGES} distinct small JPEGs (640x480, median ${kb(sizes[IMAGES >> 1]!)}, sent as they are), one request each, all started at once;`);
  console.log('   the registry\'s provider limit is the concurrency c. Baseline: the same request bodies by bare fetch from c workers.');
  // Warm-up (connections, JIT, the SDK's first call), and the bodies for the baseline.
  const bodies = await capturedBodies(images);
  const rows: string[][] = [];
  for (const maxConcurrency of CONCURRENCY_LEVELS) {
    const ideal = Math.ceil(IMAGES / maxConcurrency) * LATENCY_MS;
    const bare = await bareFetchPool(bodies, maxConcurrency);
    const bareCpu = lastCpuPerRequestMs;
    resetProviderLimiters();
    const registry = createProviderRegistry({ openai }, { env: {}, cache: false, limits: { openai: { maxConcurrency } } });
    const before = httpRequests;
    const wall = await runAll(registry, images);
    rows.push([
      String(maxConcurrency),
      ms(ideal),
      ms(wall),
      `${(wall / ideal).toFixed(3)}x`,
      ms(bare),
      `${(bare / ideal).toFixed(3)}x`,
      `${(wall / bare).toFixed(3)}x`,
      `${lastCpuPerRequestMs.toFixed(2)} / ${bareCpu.toFixed(2)} ms`,
      String(httpRequests - before),
    ]);
  }
  printTable(['c', 'ideal', 'registry', 'vs ideal', 'bare fetch', 'vs ideal', 'registry/bare', 'client CPU/request registry / bare', 'HTTP requests'], rows);
  console.log('   ideal = ceil(256 / c) x L. "bare fetch vs ideal" is what the fake server, the loopback and this machine cost;');
  console.log('   "registry/bare" is what the provider stack (SDK, middleware, image check) adds on top.\n');
}

/** The same 256 calls to an in-process model that only waits L: the registry's scheduling alone, no HTTP. */
async function benchSchedulingOnly(images: Uint8Array[]): Promise<void> {
  console.log(`1b) the same ${IMAGES} calls, all started at once, to an in-process model that waits L and answers (no HTTP, no SDK):`);
  console.log('    what the registry\'s limits, retries and timeout cost in wall time by themselves');
  const sleeping: LanguageModel = {
    specificationVersion: LANGUAGE_MODEL_SPECIFICATION_VERSION,
    provider: 'sleeper',
    modelId: 'sleeper-1',
    generate: async () => {
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
      return { text: 'ok', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, model: 'sleeper-1' };
    },
  };
  const rows: string[][] = [];
  for (const maxConcurrency of CONCURRENCY_LEVELS) {
    resetProviderLimiters();
    const registry = createProviderRegistry({ sleeper: { id: 'sleeper', languageModel: () => sleeping } }, { env: {}, cache: false, limits: { sleeper: { maxConcurrency } } });
    const model = registry.languageModel('sleeper', 'sleeper-1');
    const started = performance.now();
    await Promise.all(images.map((image) => model.generate(request(image))));
    const wall = performance.now() - started;
    const ideal = Math.ceil(IMAGES / maxConcurrency) * LATENCY_MS;
    rows.push([String(maxConcurrency), ms(ideal), ms(wall), `${(wall / ideal).toFixed(3)}x`]);
  }
  printTable(['c', 'ideal', 'registry', 'vs ideal'], rows);
  console.log('');
}

async function benchCachedRerun(images: Uint8Array[]): Promise<void> {
  console.log(`2) cached re-run: the same ${IMAGES} images twice through a registry with an in-memory cache, c = 32`);
  resetProviderLimiters();
  const registry = createProviderRegistry({ openai }, { env: {}, cache: createMemoryCache(), limits: { openai: { maxConcurrency: 32 } } });
  const before = httpRequests;
  const first = await runAll(registry, images);
  const afterFirst = httpRequests;
  const second = await runAll(registry, images);
  printTable(
    ['run', 'wall', 'HTTP requests', 'vs first run'],
    [
      ['first', ms(first), String(afterFirst - before), '1.000x'],
      ['re-run', ms(second), String(httpRequests - afterFirst), `${(second / first).toFixed(4)}x`],
    ],
  );
  console.log('');
}

async function benchPreparation(): Promise<void> {
  console.log(`3) image preparation for OpenAI detail high (fit 2048 x 2048, short side 768): median of ${PREPARATION_ROUNDS} fresh copies each (the memo never hits)`);
  const cases: [string, Uint8Array, string][] = [
    ['24 MP JPEG photo 6000x4000', await photoJpeg(6000, 4000), 'image/jpeg'],
    ['4K PNG screenshot 3840x2160', await screenshotPng(3840, 2160), 'image/png'],
    ['small JPEG 640x480', await photoJpeg(640, 480, 99), 'image/jpeg'],
  ];
  const rows: string[][] = [];
  resetProviderLimiters();
  const model = createProviderRegistry({ openai }, { env: {}, cache: false }).languageModel('openai', 'gpt-4o');
  for (const [name, bytes, mediaType] of cases) {
    const prepareTimes: number[] = [];
    const decodeTimes: number[] = [];
    let prepared: ImagePart | undefined;
    for (let round = 0; round < PREPARATION_ROUNDS; round += 1) {
      const copy = new Uint8Array(bytes);
      const started = performance.now();
      prepared = await prepareImage({ type: 'image', data: copy, mediaType, detail: 'high' }, imageLimitPresets.openaiHigh);
      prepareTimes.push(performance.now() - started);
      // Baseline: decoding the original to pixels once, what any resize must at least start with.
      const decodeStarted = performance.now();
      await sharp(copy).raw().toBuffer();
      decodeTimes.push(performance.now() - decodeStarted);
    }
    const size = await sharp(prepared!.data).metadata();
    const before = uploadedBytes;
    await model.generate({ content: [{ type: 'image', data: new Uint8Array(bytes), mediaType, detail: 'high' }], maxTokens: 10 });
    const requestBytes = uploadedBytes - before;
    const prepareMs = median(prepareTimes);
    const decodeMs = median(decodeTimes);
    rows.push([
      name,
      kb(bytes.byteLength),
      `${size.width}x${size.height} ${prepared!.mediaType.slice(6)}`,
      kb(prepared!.data.byteLength),
      `${((prepared!.data.byteLength / bytes.byteLength) * 100).toFixed(1)}%`,
      kb(requestBytes),
      `${prepareMs.toFixed(1)} ms`,
      `${(prepareMs / decodeMs).toFixed(2)}x`,
    ]);
  }
  printTable(['image', 'original', 'sent as', 'image bytes', 'of original', 'HTTP body', 'prepare', 'vs full decode'], rows);
  console.log('   HTTP body: the whole JSON request (base64 image, prompt). "vs full decode": preparation time over a plain sharp decode');
  console.log('   of the original to raw pixels in the same run (sharp shrinks JPEGs on load, so a downscale can beat a full decode).');
}

/** Our own cost per call: the full middleware chain around an in-process model that answers at once. */
async function benchMiddlewareOverhead(): Promise<void> {
  const CALLS = 20_000;
  const instant: LanguageModel = {
    specificationVersion: LANGUAGE_MODEL_SPECIFICATION_VERSION,
    provider: 'instant',
    modelId: 'instant-1',
    generate: async () => ({ text: 'ok', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, model: 'instant-1' }),
  };
  const provider: Provider = { id: 'instant', languageModel: () => instant };
  const wrapped = createProviderRegistry({ instant: provider }, { env: {}, cache: false }).languageModel('instant', 'instant-1');
  const sink = { record: () => undefined };
  const options: GenerateOptions = { content: [{ type: 'text', text: 'hi' }], usage: sink, signal: new AbortController().signal };
  const time = async (model: LanguageModel) => {
    const started = performance.now();
    for (let call = 0; call < CALLS; call += 1) await model.generate(options);
    return ((performance.now() - started) / CALLS) * 1000;
  };
  const rounds: [number, number][] = [];
  for (let round = 0; round < 5; round += 1) rounds.push([await time(instant), await time(wrapped)]);
  const bare = median(rounds.map(([value]) => value));
  const chain = median(rounds.map(([, value]) => value));
  console.log(`\n4) middleware overhead: ${CALLS} sequential calls to an in-process model that answers at once (median of 5 rounds)`);
  printTable(
    ['model', 'per call', 'vs bare'],
    [
      ['bare model', `${bare.toFixed(2)} µs`, '1.00x'],
      ['registry (mask, usage, retries, limits, timeout)', `${chain.toFixed(2)} µs`, `${(chain / bare).toFixed(2)}x`],
    ],
  );
  console.log(`   added per call: ${(chain - bare).toFixed(1)} µs, against ${LATENCY_MS} ms of model latency.`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `   ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
