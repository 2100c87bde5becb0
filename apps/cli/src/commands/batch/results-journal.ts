import { createReadStream } from 'node:fs';
import { open, rename, stat, truncate } from 'node:fs/promises';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { stringifyJson } from '@flow/kinds';

/** One line of the results file. */
export type ResultLine =
  | { image: string; sha256: string; outputs: Record<string, unknown>; usage: unknown }
  | { image: string; sha256: string | null; error: { code: string; message: string; step: string | null } };

export type RecordedStatus = 'ok' | 'failed';

/** What an earlier run left in the results file: the status of each (path, content hash). */
export interface JournalState {
  statuses: Map<string, RecordedStatus>;
  /** Bytes cut off the end: a line a killed run was writing. */
  truncatedBytes: number;
}

export function resultKey(image: string, sha256: string | null): string {
  return `${image}\u0000${sha256 ?? ''}`;
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Where the last complete line ends. A run killed mid-write can leave a line without its newline; every
 * line is one `write`, so only the last one can be torn.
 */
async function endOfLastCompleteLine(path: string, size: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const index = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (index >= 0) return start + index + 1;
      end = start;
    }
    return 0;
  } finally {
    await handle.close();
  }
}

async function* readLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield line;
}

function statusOf(line: string, path: string, number: number): { key: string; status: RecordedStatus } {
  let parsed: Partial<ResultLine> & { error?: unknown; outputs?: unknown };
  try {
    parsed = JSON.parse(line) as typeof parsed;
  } catch {
    throw new Error(`${path} line ${number} is not JSON; it is not a results file of flow batch (move it away or pick another --out)`);
  }
  if (typeof parsed.image !== 'string') throw new Error(`${path} line ${number} has no "image"; it is not a results file of flow batch`);
  return { key: resultKey(parsed.image, (parsed.sha256 as string | null | undefined) ?? null), status: parsed.error === undefined ? 'ok' : 'failed' };
}

/**
 * Reads an existing results file for resuming: drops a torn last line, and returns the status recorded
 * for every image. With `dropFailed`, failed lines are removed (the file is rewritten to a temporary
 * name and renamed over it), so a retried image ends with exactly one line.
 */
export async function recoverJournal(path: string, options: { dropFailed: boolean }): Promise<JournalState> {
  const statuses = new Map<string, RecordedStatus>();
  const size = await fileSize(path);
  if (size === undefined || size === 0) return { statuses, truncatedBytes: 0 };
  const end = await endOfLastCompleteLine(path, size);
  if (end < size) await truncate(path, end);
  let number = 0;
  let failed = 0;
  for await (const line of readLines(path)) {
    const { key, status } = statusOf(line, path, ++number);
    if (status === 'failed' && statuses.get(key) === 'ok') continue;
    statuses.set(key, status);
    if (status === 'failed') failed++;
  }
  if (options.dropFailed && failed > 0) {
    const temporary = `${path}.${process.pid}.rewrite`;
    const output = await open(temporary, 'w');
    try {
      for await (const line of readLines(path)) {
        if (JSON.parse(line).error === undefined) await output.write(`${line}\n`);
      }
      await output.sync();
    } finally {
      await output.close();
    }
    await rename(temporary, path);
    for (const [key, status] of statuses) if (status === 'failed') statuses.delete(key);
  }
  return { statuses, truncatedBytes: size - end };
}

/**
 * Appends result lines. Each line goes out in one synchronous `write` on an `O_APPEND` descriptor, so
 * lines never interleave and a kill leaves at most the last one torn (which `recoverJournal` removes).
 */
export class ResultsAppender {
  private constructor(private readonly descriptor: number) {}

  static open(path: string): ResultsAppender {
    return new ResultsAppender(openSync(path, 'a'));
  }

  append(line: ResultLine): void {
    const bytes = Buffer.from(`${stringifyJson(line)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.descriptor, bytes, written, bytes.length - written);
  }

  close(): void {
    fsyncSync(this.descriptor);
    closeSync(this.descriptor);
  }
}

