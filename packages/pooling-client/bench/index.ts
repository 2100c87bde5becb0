// pnpm bench: wall time of a 10,000-input classify at several concurrency limits against the ideal for the fake's
// fixed latency, and the client's own overhead per request against a bare fetch of the same body. Prints figures;
// never asserts timings.
import { cpus } from 'node:os';
import { createPoolingClient } from '@flow/pooling-client';
import { startFakeProcess } from './start-fake-process.js';

const INPUTS = 10_000;
const BATCH_SIZE = 64;
const LATENCY_MS = 20;
const CONCURRENCY_LEVELS = [1, 4, 16];
const OVERHEAD_ROUNDS = 9;
const OVERHEAD_REQUESTS_PER_ROUND = 100;

const texts = Array.from({ length: INPUTS }, (_, i) => `Review ${i}: the delivery ${i % 3 === 0 ? 'came early' : 'was late'} and support ${i % 5 === 0 ? 'never answered' : 'helped'}.`);

console.log(`@flow/pooling-client bench: Node ${process.version}, ${cpus().length} CPUs, fake vLLM in a child process\n`);
await benchBatchedClassify();
await benchOverhead();

async function benchBatchedClassify(): Promise<void> {
  const fake = await startFakeProcess({ latencyMs: LATENCY_MS });
  try {
    const requests = Math.ceil(INPUTS / BATCH_SIZE);
    console.log(`1) classify(${INPUTS} texts): maxBatchSize ${BATCH_SIZE} -> ${requests} requests, fake latency ${LATENCY_MS} ms each`);
    // Warm up connections and JIT on a small call.
    await createPoolingClient({ baseURL: fake.url, maxConcurrency: 16 }).classify({ input: texts.slice(0, 1000) });
    const rows: string[][] = [];
    for (const maxConcurrency of CONCURRENCY_LEVELS) {
      const client = createPoolingClient({ baseURL: fake.url, maxBatchSize: BATCH_SIZE, maxConcurrency });
      const started = performance.now();
      const response = await client.classify({ input: texts });
      const wall = performance.now() - started;
      checkInOrder(response.data.map((item) => item.index));
      const ideal = Math.ceil(requests / maxConcurrency) * LATENCY_MS;
      rows.push([String(maxConcurrency), ms(wall), ms(ideal), `${(wall / ideal).toFixed(2)}x`, `${Math.round(INPUTS / (wall / 1000)).toLocaleString('en-US')}`]);
    }
    printTable(['maxConcurrency', 'wall', 'ideal', 'wall/ideal', 'inputs/s'], rows);
    console.log('   ideal = ceil(requests / maxConcurrency) x latency: what a zero-cost client and server would take.\n');
  } finally {
    await fake.stop();
  }
}

async function benchOverhead(): Promise<void> {
  const fake = await startFakeProcess({});
  try {
    console.log(`2) per-request overhead: client.classify vs bare fetch + JSON.parse of the same body, sequential, fake latency 0 (median of ${OVERHEAD_ROUNDS} rounds)`);
    const rows: string[][] = [];
    for (const size of [1, BATCH_SIZE]) {
      const body = { input: texts.slice(0, size) };
      const client = createPoolingClient({ baseURL: fake.url });
      const bare = async () => {
        const response = await fetch(`${fake.url}/classify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        JSON.parse(await response.text());
      };
      const viaClient = async () => {
        await client.classify(body);
      };
      // Warm-up, then alternate rounds so drift (GC, CPU frequency) hits both sides alike.
      await repeat(bare, 200);
      await repeat(viaClient, 200);
      const bareRounds: number[] = [];
      const clientRounds: number[] = [];
      for (let round = 0; round < OVERHEAD_ROUNDS; round++) {
        bareRounds.push((await repeat(bare, OVERHEAD_REQUESTS_PER_ROUND)) / OVERHEAD_REQUESTS_PER_ROUND);
        clientRounds.push((await repeat(viaClient, OVERHEAD_REQUESTS_PER_ROUND)) / OVERHEAD_REQUESTS_PER_ROUND);
      }
      // Medians of the rounds: a shared machine's bursts land in a round or two, not in the median.
      const barePer = median(bareRounds);
      const clientPer = median(clientRounds);
      rows.push([`${size} input${size === 1 ? '' : 's'}`, us(barePer), us(clientPer), us(clientPer - barePer), `${(clientPer / barePer).toFixed(2)}x`]);
    }
    printTable(['body', 'bare fetch', 'client', 'overhead', 'client/bare'], rows);
    console.log('   overhead = headers, request id, limiter, timeout wiring and zod validation of the response, per request.');
  } finally {
    await fake.stop();
  }
}

async function repeat(task: () => Promise<void>, times: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < times; i++) await task();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function checkInOrder(indexes: number[]): void {
  if (indexes.length !== INPUTS || indexes.some((value, position) => value !== position)) throw new Error('bench: results came back incomplete or out of order');
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function us(value: number): string {
  return `${(value * 1000).toFixed(0)} µs`;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `   ${cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
