import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { readImageHeader } from '@flow/kinds';

/** The file form an image output takes with `--save-images`: the same shape as a `{"type": "file"}` input. */
export interface SavedImageReference {
  type: 'file';
  value: string;
}

const extensions: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', bmp: 'bmp' };

function isSerializedImage(value: unknown): value is { type: 'base64'; value: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as { type?: unknown; value?: unknown; video_metadata?: unknown };
  return candidate.type === 'base64' && typeof candidate.value === 'string' && 'video_metadata' in candidate;
}

/** Keeps output paths readable as file names: `boxes.0` stays, `a/b c` becomes `a_b_c`. */
function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
}

/**
 * Writes every image in one serialised output record to `directory` as `<prefix>.<output path>.<ext>` and
 * returns the record with each image replaced by `{"type": "file", "value": path}`. Files are written to a
 * temporary name and renamed, so a file that exists is whole. Nothing else in the record changes. A
 * relative `directory` is resolved against `cwd` for writing and kept relative in the record.
 */
export async function saveImageOutputs(record: Record<string, unknown>, directory: string, prefix: string, cwd: string): Promise<Record<string, unknown>> {
  let created = false;
  const visit = async (value: unknown, path: string[]): Promise<unknown> => {
    if (isSerializedImage(value)) {
      const bytes = Buffer.from(value.value, 'base64');
      const header = readImageHeader(bytes);
      const extension = typeof header === 'string' ? 'bin' : (extensions[header.format] ?? header.format);
      const file = join(directory, `${fileNamePart(prefix)}.${path.map(fileNamePart).join('.')}.${extension}`);
      const absolute = resolve(cwd, file);
      if (!created) {
        await mkdir(resolve(cwd, directory), { recursive: true });
        created = true;
      }
      const temporary = `${absolute}.${randomBytes(4).toString('hex')}.partial`;
      await writeFile(temporary, bytes);
      await rename(temporary, absolute);
      return { type: 'file', value: file } satisfies SavedImageReference;
    }
    if (Array.isArray(value)) return Promise.all(value.map((item, index) => visit(item, [...path, String(index)])));
    if (typeof value === 'object' && value !== null) {
      const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await visit(item, [...path, key])] as const));
      return Object.fromEntries(entries);
    }
    return value;
  };
  return (await visit(record, [])) as Record<string, unknown>;
}

/**
 * A file-name prefix per result of `flow run`: the stem of the batch's input image file (`pets` for
 * pets.png, `pets-1` when the same stem appears twice in the batch), else `output-<index>`.
 */
export function runImagePrefixes(inputs: Record<string, unknown>, imageInputs: readonly string[], count: number): string[] {
  const first = imageInputs.map((name) => inputs[name]).find((value) => value !== undefined);
  const items = (Array.isArray(first) ? first : first === undefined ? [] : [first]) as Array<{ type?: unknown; value?: unknown } | undefined>;
  const stems = Array.from({ length: count }, (_, index) => {
    const item = items[index];
    return item?.type === 'file' && typeof item.value === 'string' ? basename(item.value, extname(item.value)) : `output-${index}`;
  });
  return stems.map((stem, index) => (stems.indexOf(stem) !== stems.lastIndexOf(stem) ? `${stem}-${index}` : stem));
}
