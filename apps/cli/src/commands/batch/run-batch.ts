import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { isWorkflowError, StepExecutionError, type CompiledWorkflow } from '@flow/engine';
import { ExitCode, type CliIo } from '../../cli-io.js';
import { cliImageLoaders } from '../../inputs/image-loaders.js';
import { saveImageOutputs } from '../../outputs/save-images.js';
import { writeCsvFromJournal } from './csv-export.js';
import { countImages, listImages, type resolveImageSources } from './list-images.js';
import { formatDuration, ProgressReporter, type BatchCounts } from './progress-reporter.js';
import { recoverJournal, resultKey, ResultsAppender, type ResultLine } from './results-journal.js';
import { UsageTally } from './usage-tally.js';

export interface BatchOptions {
  io: CliIo;
  workflow: CompiledWorkflow;
  sources: Awaited<ReturnType<typeof resolveImageSources>>;
  imageInput: string;
  /** Values of the other inputs, the same for every image (wire form). */
  parameters: Record<string, unknown>;
  outPath: string;
  format: 'jsonl' | 'csv';
  concurrency: number;
  saveImagesDirectory: string | undefined;
  retryFailed: boolean;
  quiet: boolean;
}

/** Exit code for an interrupted batch (128 + SIGINT), as shells report it. */
const interruptedExitCode = 130;

function describeError(error: unknown): { code: string; message: string; step: string | null } {
  if (error instanceof StepExecutionError) return { code: error.code, message: error.message, step: error.step };
  if (isWorkflowError(error)) return { code: error.code, message: error.message, step: null };
  return { code: 'UNEXPECTED_ERROR', message: (error as Error)?.message ?? String(error), step: null };
}

/**
 * Runs the workflow over every listed image with `concurrency` runs in flight, appending one line per
 * finished image. Holds no result after it is written and no image after its run.
 */
export async function runBatch(options: BatchOptions): Promise<number> {
  const { io, workflow } = options;
  const journalPath = options.format === 'csv' ? `${options.outPath}.jsonl` : options.outPath;
  const journal = await recoverJournal(journalPath, { dropFailed: options.retryFailed });
  if (journal.truncatedBytes > 0 && !options.quiet) io.stderr.write(`flow batch: removed a partly written last line (${journal.truncatedBytes} bytes) left by an interrupted run; that image runs again\n`);
  const appender = ResultsAppender.open(journalPath);

  const counts: BatchCounts = { done: 0, failed: 0, skipped: 0, total: undefined, tokens: 0 };
  let skippedFailed = 0;
  const usage = new UsageTally();
  const progressStream = io.stderr as CliIo['stderr'] & { isTTY?: boolean };
  const intervalMs = Number(io.env.FLOW_BATCH_PROGRESS_INTERVAL_MS) || undefined;
  const progress = new ProgressReporter(progressStream, () => counts, { quiet: options.quiet, intervalMs });
  void countImages(options.sources, io.cwd).then(
    (total) => (counts.total = total),
    () => undefined,
  );

  const abort = new AbortController();
  let stopping = false;
  const onInterrupt = () => {
    if (!stopping) {
      stopping = true;
      progress.note('flow batch: stopping; running images will finish (Ctrl-C again to abort them)');
    } else if (!abort.signal.aborted) {
      abort.abort(new Error('interrupted by Ctrl-C'));
      progress.note('flow batch: aborting running images; they are not recorded and run again on resume');
    }
  };
  process.on('SIGINT', onInterrupt);

  const loaders = cliImageLoaders(io.cwd);
  const images = listImages(options.sources, io.cwd);
  let listed = 0;

  const processImage = async (path: string): Promise<void> => {
    const absolute = resolve(io.cwd, path);
    let bytes: Buffer;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      if (journal.statuses.get(resultKey(path, null)) === 'failed') {
        counts.skipped++;
        skippedFailed++;
        return;
      }
      appender.append({ image: path, sha256: null, error: { code: 'IMAGE_UNREADABLE', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, step: null } });
      counts.done++;
      counts.failed++;
      return;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const recorded = journal.statuses.get(resultKey(path, sha256));
    if (recorded !== undefined) {
      counts.skipped++;
      if (recorded === 'failed') skippedFailed++;
      return;
    }
    const runUsage = new UsageTally();
    let line: ResultLine;
    try {
      const outputs = await workflow.run(
        { ...options.parameters, [options.imageInput]: { type: 'file', value: absolute } },
        {
          loadImageFile: async (file) => (file === absolute ? bytes : loaders.loadImageFile(file)),
          loadImageUrl: loaders.loadImageUrl,
          signal: abort.signal,
          onUsage: (record) => runUsage.record(record),
        },
      );
      let record = workflow.serialize(outputs)[0] ?? {};
      if (options.saveImagesDirectory) record = await saveImageOutputs(record, options.saveImagesDirectory, `${basename(path, extname(path))}-${sha256.slice(0, 8)}`, io.cwd);
      line = { image: path, sha256, outputs: record, usage: runUsage.toJSON() };
    } catch (error) {
      if (abort.signal.aborted) return; // aborted by a second Ctrl-C: leave it for the resume
      line = { image: path, sha256, error: describeError(error) };
    }
    appender.append(line);
    usage.add(runUsage);
    counts.tokens = usage.totalTokens;
    counts.done++;
    if ('error' in line) counts.failed++;
    progress.update();
  };

  const worker = async () => {
    while (!stopping) {
      const next = await images.next();
      if (next.done) return;
      listed++;
      await processImage(next.value);
    }
  };

  progress.start();
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    process.off('SIGINT', onInterrupt);
    progress.stop();
    appender.close();
    await images.return(undefined);
  }
  if (options.format === 'csv') await writeCsvFromJournal(journalPath, options.outPath);

  const interrupted = stopping;
  const wallMs = performance.now() - started;
  if (!options.quiet) {
    const ok = counts.done - counts.failed;
    const lines = [
      `flow batch: ${listed} image${listed === 1 ? '' : 's'}${interrupted ? ' (interrupted)' : ''}: ${ok} ok, ${counts.failed} failed, ${counts.skipped} already done${skippedFailed ? ` (${skippedFailed} of them failed; --retry-failed runs them again)` : ''} in ${formatDuration(wallMs)} (${(counts.done / Math.max(wallMs / 1000, 0.001)).toFixed(1)} images/s)`,
    ];
    for (const entry of usage.models) lines.push(`  ${entry.provider} ${entry.model}: ${entry.input_tokens.toLocaleString('en-US')} input + ${entry.output_tokens.toLocaleString('en-US')} output tokens, ${entry.calls} calls, ${entry.cached} cache hits`);
    if (usage.models.length === 0) lines.push('  no model calls');
    lines.push(`  results: ${options.outPath}${options.format === 'csv' ? ` (journal ${journalPath})` : ''}`);
    io.stderr.write(`${lines.join('\n')}\n`);
  }
  if (interrupted) return interruptedExitCode;
  return counts.failed + skippedFailed > 0 ? ExitCode.workflowError : ExitCode.ok;
}
