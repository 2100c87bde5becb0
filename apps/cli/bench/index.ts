// Throughput of `flow batch` against the same runs done by `flow run` in a loop (one process per image),
// and the memory `flow batch` holds over 1,000 and 10,000 images. Runs the built CLI (dist/bin.js);
// `pnpm bench` builds first. Numbers are printed, never asserted.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tinyPng } from '../src/test-support/tiny-png.js';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const workflow = fileURLToPath(new URL('../../../examples/workflows/detect-from-answer.workflow.json', import.meta.url));
const answer = JSON.parse(readFileSync(fileURLToPath(new URL('../../../examples/workflows/detect-from-answer.inputs.json', import.meta.url)), 'utf8')).answer as string;

async function makeImages(directory: string, count: number): Promise<void> {
  await mkdir(directory, { recursive: true });
  for (let start = 0; start < count; start += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - start) }, (_, offset) => {
        const index = start + offset;
        return writeFile(join(directory, `img-${String(index).padStart(5, '0')}.png`), tinyPng(32 + (index % 64), 24, [index % 256, (index >> 8) % 256, 7]));
      }),
    );
  }
}

/** Runs the CLI; returns wall time and the peak resident set size sampled from /proc every 25 ms. */
function runCli(args: string[], cwd: string): Promise<{ ms: number; peakRssMb: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    let peak = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak = Math.max(peak, kb);
      } catch {
        // the process has exited
      }
    };
    const timer = setInterval(sample, 25);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`flow ${args[0]} exited ${code}: ${stderr}`));
      else resolve({ ms: performance.now() - started, peakRssMb: peak / 1024, code });
    });
  });
}

const root = await mkdtemp(join(tmpdir(), 'flow-batch-bench-'));
try {
  const loopCount = 20;
  const batchCount = 400;
  await makeImages(join(root, 'small'), batchCount);

  // Baseline: one `flow run` process per image, as a shell loop would do it.
  let loopMs = 0;
  for (let index = 0; index < loopCount; index++) {
    const image = join(root, 'small', `img-${String(index).padStart(5, '0')}.png`);
    loopMs += (await runCli(['run', workflow, '--input', `image=${image}`, '--input', `answer=${answer}`, '--compact'], root)).ms;
  }
  const loopPerImage = loopMs / loopCount;

  const batch = await runCli(['batch', workflow, 'small', '--out', 'small.jsonl', '--input', `answer=${answer}`, '--quiet'], root);
  const batchPerImage = batch.ms / batchCount;
  const resume = await runCli(['batch', workflow, 'small', '--out', 'small.jsonl', '--input', `answer=${answer}`, '--quiet'], root);

  console.log('flow batch throughput (detect-from-answer workflow, no model calls, 2-core machine)');
  console.log(`  flow run in a loop : ${loopPerImage.toFixed(1)} ms/image (${(1000 / loopPerImage).toFixed(1)} images/s, ${loopCount} processes)`);
  console.log(`  flow batch         : ${batchPerImage.toFixed(2)} ms/image (${(1000 / batchPerImage).toFixed(0)} images/s, ${batchCount} images in one process, ${batch.ms.toFixed(0)} ms total)`);
  console.log(`  ratio              : batch is ${(loopPerImage / batchPerImage).toFixed(1)}x the loop's throughput`);
  console.log(`  resume, all done   : ${resume.ms.toFixed(0)} ms for ${batchCount} images (hash and skip)`);

  await makeImages(join(root, 'many'), 10_000);
  const thousand = await runCli(['batch', workflow, 'many/img-00[0-9][0-9][0-9].png', '--out', 'thousand.jsonl', '--input', `answer=${answer}`, '--quiet'], root);
  const tenThousand = await runCli(['batch', workflow, 'many', '--out', 'many.jsonl', '--input', `answer=${answer}`, '--quiet'], root);
  console.log('flow batch memory (peak RSS of the process)');
  console.log(`  1,000 images  : ${thousand.peakRssMb.toFixed(0)} MB peak, ${(thousand.ms / 1000).toFixed(1)} s`);
  console.log(`  10,000 images : ${tenThousand.peakRssMb.toFixed(0)} MB peak, ${(tenThousand.ms / 1000).toFixed(1)} s`);
  console.log(`  ratio         : 10x the images costs ${(tenThousand.peakRssMb / thousand.peakRssMb).toFixed(2)}x the memory`);
} finally {
  await rm(root, { recursive: true, force: true });
}
