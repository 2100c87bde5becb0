// pnpm bench: the HTTP server against the same workflow run in-process, and the server's memory over
// 10,000 requests. A vlm_as_detector@v2 workflow (Gemini answer given as a parameter) on a real PNG.
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { formattersPack } from '@flow/blocks-formatters';
import { createEngine } from '@flow/engine';
import { makePng } from '@flow/testing';
import { detectorWorkflow, geminiDetectionsAnswer } from '../src/test-support/detector-workflow.js';
import { runInProcess, runLoad, type LoadResult } from './load.js';

const quick = process.argv.includes('--quick');
const levels = [1, 16, 64];
const warmupSeconds = quick ? 0.3 : 1;
const measureSeconds = quick ? 1 : 4;

const image = makePng(168, 192).toString('base64');
const requestBody = { specification: detectorWorkflow, inputs: { image: { type: 'base64', value: image }, vlm_output: geminiDetectionsAnswer } };
const body = Buffer.from(JSON.stringify(requestBody));

interface MemorySample {
  rss: number;
  heapUsed: number;
}

async function startServerProcess(): Promise<{ child: ChildProcess; url: string; memory(): Promise<MemorySample> }> {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child = fork(script, [], { execArgv: ['--expose-gc', '--conditions=@flow/source', '--import', tsx], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
  const memory = () =>
    new Promise<MemorySample>((resolve) => {
      child.once('message', (message) => resolve(message as MemorySample));
      child.send('memory');
    });
  return { child, url, memory };
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const started = performance.now();
  // In-process baseline: the same request's inputs through compile-once, run, serialise.
  const workflow = createEngine({ packs: [formattersPack] }).compile(detectorWorkflow);
  const inputs = JSON.parse(body.toString()).inputs as Record<string, unknown>;
  const check = workflow.serialize(await workflow.run(inputs))[0] as { predictions: { predictions: unknown[] } };
  if (check.predictions.predictions.length !== 6) throw new Error('the bench workflow does not produce the expected 6 detections');
  const inProcess = new Map<number, LoadResult>();
  for (const clients of levels) {
    const task = async () => workflow.serialize(await workflow.run(inputs));
    await runInProcess({ task, clients, seconds: warmupSeconds });
    inProcess.set(clients, await runInProcess({ task, clients, seconds: measureSeconds }));
  }

  const server = await startServerProcess();
  const url = `${server.url}/workflows/run`;
  try {
    const overHttp = new Map<number, LoadResult>();
    for (const clients of levels) {
      await runLoad({ url, body, clients, seconds: warmupSeconds });
      overHttp.set(clients, await runLoad({ url, body, clients, seconds: measureSeconds }));
    }

    // Memory: a fresh count from request 100 to request 10,000 (after the warm-up traffic above).
    const memoryServer = await startServerProcess();
    const memoryUrl = `${memoryServer.url}/workflows/run`;
    await runLoad({ url: memoryUrl, body, clients: 16, seconds: 600, maxRequests: 100 });
    const after100 = await memoryServer.memory();
    const bulk = await runLoad({ url: memoryUrl, body, clients: 16, seconds: 600, maxRequests: 9_900 });
    const after10k = await memoryServer.memory();
    memoryServer.child.kill('SIGTERM');

    console.log(`\n@flow/server bench: POST /workflows/run, vlm_as_detector@v2 (google-gemini answer, 6 boxes), ${168}x${192} PNG, body ${(body.length / 1024).toFixed(1)} KiB`);
    console.log(`${measureSeconds} s per level after ${warmupSeconds} s warm-up; server in its own process over loopback (keep-alive); in-process = compiled workflow.run + serialize\n`);
    const header = ['clients', 'HTTP req/s', 'HTTP p50 ms', 'HTTP p99 ms', 'in-proc runs/s', 'in-proc p50 ms', 'in-proc p99 ms', 'req/s ratio', 'p50 ratio', 'failures'];
    const rows = levels.map((clients) => {
      const http = overHttp.get(clients)!;
      const local = inProcess.get(clients)!;
      return [String(clients), fixed(http.perSecond, 0), fixed(http.p50Ms, 2), fixed(http.p99Ms, 2), fixed(local.perSecond, 0), fixed(local.p50Ms, 3), fixed(local.p99Ms, 3), `${fixed(http.perSecond / local.perSecond, 3)}x`, `${fixed(http.p50Ms / local.p50Ms, 1)}x`, String(http.failures + local.failures)];
    });
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column]!)).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(`\nserver memory (after full GC): after 100 requests rss ${megabytes(after100.rss)}, heap ${megabytes(after100.heapUsed)}; after 10,000 rss ${megabytes(after10k.rss)}, heap ${megabytes(after10k.heapUsed)}`);
    console.log(`  growth over 9,900 requests: rss ${megabytes(after10k.rss - after100.rss)} (${fixed(after10k.rss / after100.rss, 2)}x), heap ${megabytes(after10k.heapUsed - after100.heapUsed)} (${fixed(after10k.heapUsed / after100.heapUsed, 2)}x); ${bulk.failures} failures`);
    console.log(`\ntotal bench time ${fixed((performance.now() - started) / 1000, 1)} s`);
  } finally {
    server.child.kill('SIGTERM');
  }
}

await main();
