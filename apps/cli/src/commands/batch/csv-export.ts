import { createReadStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { createInterface } from 'node:readline';

type Scalar = string | number | boolean | null;

/**
 * The scalar leaves of an output record, keyed by dotted path (`predictions.top`). Lists are left out (a
 * column per list element would change with every image); a saved image (`{"type": "file"}`) is its
 * path; an inline base64 image is left out.
 */
export function flattenScalars(value: unknown, prefix = '', into: Map<string, Scalar> = new Map()): Map<string, Scalar> {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    if (prefix) into.set(prefix, value);
    return into;
  }
  if (Array.isArray(value) || typeof value !== 'object') return into;
  const record = value as Record<string, unknown>;
  if (record.type === 'file' && typeof record.value === 'string' && Object.keys(record).length === 2) {
    into.set(prefix, record.value);
    return into;
  }
  if (record.type === 'base64' && typeof record.value === 'string') return into;
  for (const [key, item] of Object.entries(record)) flattenScalars(item, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

export function csvField(value: Scalar | undefined): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const fixedColumns = ['image', 'sha256', 'status', 'error.code', 'error.message', 'error.step'];

function rowOf(line: string): Map<string, Scalar> {
  const parsed = JSON.parse(line) as { image: string; sha256: string | null; outputs?: unknown; error?: { code: string; message: string; step: string | null } };
  const row = new Map<string, Scalar>([
    ['image', parsed.image],
    ['sha256', parsed.sha256],
    ['status', parsed.error ? 'failed' : 'ok'],
  ]);
  if (parsed.error) {
    row.set('error.code', parsed.error.code);
    row.set('error.message', parsed.error.message);
    row.set('error.step', parsed.error.step);
  }
  for (const [key, value] of flattenScalars(parsed.outputs ?? {})) row.set(`outputs.${key}`, value);
  return row;
}

async function* lines(path: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) if (line.trim()) yield line;
}

/**
 * Writes the CSV table of a JSONL results file: one header row (fixed columns, then every scalar output
 * path seen in any line, in first-seen order) and one row per line. Two streaming passes; only the
 * column names are held. The file appears whole (temporary name, then rename).
 */
export async function writeCsvFromJournal(journalPath: string, csvPath: string): Promise<void> {
  const outputColumns = new Set<string>();
  for await (const line of lines(journalPath)) for (const key of rowOf(line).keys()) if (key.startsWith('outputs.')) outputColumns.add(key);
  const columns = [...fixedColumns, ...outputColumns];
  const header = [...fixedColumns, ...[...outputColumns].map((column) => column.slice('outputs.'.length))];
  const temporary = `${csvPath}.${process.pid}.partial`;
  const handle = await open(temporary, 'w');
  try {
    await handle.write(`${header.map(csvField).join(',')}\n`);
    for await (const line of lines(journalPath)) {
      const row = rowOf(line);
      await handle.write(`${columns.map((column) => csvField(row.get(column))).join(',')}\n`);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, csvPath);
}
