// pnpm bench: POST /workflows/run with issue 12's workflow (vlm_as_detector@v2, Gemini answer with ten
// boxes, classes cat/dog, a 640x480 PNG as base64) against two baselines measured in the same run,
// alternating: (a) bare Fastify parsing the same body and answering a response of the same bytes,
// (b) bare Fastify running the same workflow compiled once through the library API. Each app runs as
// three processes of its own (one with `--quick`); the load comes from this one over loopback keep-alive. Then the server's memory over
// 10,000 requests. The apps run the built packages (`dist`, what users run; `pnpm bench` at the root
// builds first). Beside req/s it prints each app's CPU time per request, read from the app itself, which
// the load generator sharing the two cores disturbs less. `--quick` shortens every phase; `--cpu-prof DIR`
// profiles the server processes.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { benchBody } from './bench-workflow.js';
import { runLoad, type LoadResult } from './load.js';

const quick = process.argv.includes('--quick');
const profileIndex = process.argv.indexOf('--cpu-prof');
const profileDirectory = profileIndex > 0 ? process.argv[profileIndex + 1] : undefined;
const levels = [16, 64];
const rounds = quick ? 1 : 2;
// Identical processes of one app differ by up to ~20% in req/s for their whole life (JIT and memory-layout
// luck), more than most changes being measured, so each app runs as several processes and the figures are
// their mean; the spread is printed beside them.
const processesPerApp = quick ? 1 : 3;
// The server's JIT needs a few seconds of load to settle; shorter warm-ups measured it ~15% slow.
const warmupSeconds = quick ? 1 : 4;
const measureSeconds = quick ? 1.5 : 2;
const body = benchBody;

interface MemorySample {
  rss: number;
  heapUsed: number;
}

interface AppProcess {
  child: ChildProcess;
  url: string;
}

interface Target {
  name: string;
  processes: AppProcess[];
}

const tsx = createRequire(import.meta.url).resolve('tsx');

function forkProcess(script: string, execArgv: string[] = [], first?: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ['--expose-gc', '--import', tsx, ...execArgv],
    // The server logs a line per request at LOG_LEVEL=info, as in production; the lines go nowhere.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (first !== undefined) child.send(first);
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, url: (message as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function memoryOf(child: ChildProcess): Promise<MemorySample> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as MemorySample));
    child.send('memory');
  });
}

function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => {
      const { user, system } = (message as { cpu: NodeJS.CpuUsage }).cpu;
      resolve(user + system);
    });
    child.send('cpu');
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

async function main(): Promise<void> {
  if (!existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)))) throw new Error('The bench runs the built server: run `pnpm build` first (or `pnpm bench` at the repository root, which builds).');
  const started = performance.now();
  const serverArgs = profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [];
  const forkCopies = (script: string, execArgv: string[] = [], first?: Record<string, string>) => Promise.all(Array.from({ length: processesPerApp }, () => forkProcess(script, execArgv, first)));
  const servers = await forkCopies('./serve.ts', serverArgs);
  const answer = await fetch(`${servers[0]!.url}/workflows/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answerText = await answer.text();
  const detections = (JSON.parse(answerText) as { outputs: Array<{ predictions: { predictions: unknown[] } }> }).outputs[0]!.predictions.predictions.length;
  if (answer.status !== 200 || detections !== 10) throw new Error(`the bench workflow answered ${answer.status} with ${detections} detections, expected 10`);
  const echoes = await forkCopies('./bare-fastify.ts', [], { mode: 'echo', response: answerText });
  const engines = await forkCopies('./bare-fastify.ts', [], { mode: 'engine' });
  const targets: Target[] = [
    { name: 'server', processes: servers },
    { name: '(a) bare Fastify echo', processes: echoes },
    { name: '(b) bare Fastify + engine', processes: engines },
  ];

  const results = new Map<string, Array<LoadResult & { cpuMicros: number; process: number }>>();
  try {
    for (const clients of levels) {
      for (const target of targets) for (const app of target.processes) await runLoad({ url: `${app.url}/workflows/run`, body, clients, seconds: warmupSeconds });
      for (let round = 0; round < rounds; round++) {
        for (const target of targets) {
          for (const [index, app] of target.processes.entries()) {
            const cpuBefore = await cpuOf(app.child);
            const result = await runLoad({ url: `${app.url}/workflows/run`, body, clients, seconds: measureSeconds });
            const cpuMicros = ((await cpuOf(app.child)) - cpuBefore) / Math.max(1, result.requests);
            const key = `${target.name}@${clients}`;
            results.set(key, [...(results.get(key) ?? []), { ...result, cpuMicros, process: index }]);
          }
        }
      }
    }
  } finally {
    await Promise.all([...echoes, ...engines, ...servers.slice(1)].map((app) => stop(app.child)));
  }
  const summary = (name: string, clients: number) => {
    const list = results.get(`${name}@${clients}`)!;
    const perProcess = Array.from({ length: processesPerApp }, (_, index) => mean(list.filter((result) => result.process === index).map((result) => result.perSecond)));
    return { spread: `${fixed(Math.min(...perProcess), 0)}–${fixed(Math.max(...perProcess), 0)}`, perSecond: mean(list.map((result) => result.perSecond)), p50Ms: mean(list.map((result) => result.p50Ms)), p99Ms: mean(list.map((result) => result.p99Ms)), cpuMicros: mean(list.map((result) => result.cpuMicros)), failures: list.reduce((sum, result) => sum + result.failures, 0) };
  };

  console.log(`\n@flow/server bench: POST /workflows/run, vlm_as_detector@v2 (google-gemini, 10 boxes, classes cat/dog), 640x480 PNG; body ${(body.length / 1024).toFixed(1)} KiB, answer ${(answerText.length / 1024).toFixed(2)} KiB`);
  console.log(`${rounds} alternating round(s) of ${measureSeconds} s per process and level after ${warmupSeconds} s warm-up; each app as ${processesPerApp} process(es) of its own (figures are their mean, req/s spread across them beside), server at LOG_LEVEL=${process.env.LOG_LEVEL ?? 'info'}\n`);
  const header = ['target', 'clients', 'req/s', 'spread', 'CPU µs/req', 'p50 ms', 'p99 ms', 'p99/p50', 'failures'];
  const rows: string[][] = [];
  for (const clients of levels) {
    for (const target of targets) {
      const result = summary(target.name, clients);
      rows.push([target.name, String(clients), fixed(result.perSecond, 0), result.spread, fixed(result.cpuMicros, 0), fixed(result.p50Ms, 2), fixed(result.p99Ms, 2), `${fixed(result.p99Ms / result.p50Ms, 2)}x`, String(result.failures)]);
    }
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const at16 = summary('server', 16);
  const echo16 = summary('(a) bare Fastify echo', 16);
  const engine16 = summary('(b) bare Fastify + engine', 16);
  const at64 = summary('server', 64);
  console.log(`\nratios at 16 connections: server / (b) engine baseline = ${fixed(at16.perSecond / engine16.perSecond, 3)} (goal >= 0.90); server / (a) echo baseline = ${fixed(at16.perSecond / echo16.perSecond, 3)} (goal >= 0.35)`);
  console.log(`CPU per request at 16 connections: server / (b) = ${fixed(at16.cpuMicros / engine16.cpuMicros, 2)}x, server / (a) = ${fixed(at16.cpuMicros / echo16.cpuMicros, 2)}x`);
  console.log(`server at 64 connections: p50 ${fixed(at64.p50Ms, 2)} ms, p99 ${fixed(at64.p99Ms, 2)} ms, p99/p50 = ${fixed(at64.p99Ms / at64.p50Ms, 2)} (goal < 3)`);
  await stop(servers[0]!.child);

  if (!quick) {
    // Memory: a fresh server, counted from request 100 to request 10,000.
    const memoryServer = await forkProcess('./serve.ts');
    const memoryUrl = `${memoryServer.url}/workflows/run`;
    await runLoad({ url: memoryUrl, body, clients: 16, seconds: 600, maxRequests: 100 });
    const after100 = await memoryOf(memoryServer.child);
    const bulk = await runLoad({ url: memoryUrl, body, clients: 16, seconds: 600, maxRequests: 9_900 });
    const after10k = await memoryOf(memoryServer.child);
    await stop(memoryServer.child);
    console.log(`\nserver memory (after full GC): after 100 requests rss ${megabytes(after100.rss)}, heap ${megabytes(after100.heapUsed)}; after 10,000 rss ${megabytes(after10k.rss)}, heap ${megabytes(after10k.heapUsed)}`);
    console.log(`  growth over 9,900 requests: rss ${megabytes(after10k.rss - after100.rss)} (${fixed(after10k.rss / after100.rss, 2)}x), heap ${megabytes(after10k.heapUsed - after100.heapUsed)} (${fixed(after10k.heapUsed / after100.heapUsed, 2)}x); ${bulk.failures} failures`);
  }
  console.log(`\ntotal bench time ${fixed((performance.now() - started) / 1000, 1)} s`);
}

await main();
