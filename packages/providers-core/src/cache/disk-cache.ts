import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asCachedAnswer, type CachedAnswer, type ResponseCache } from './response-cache.js';

/**
 * Answers kept as one JSON file per key under `dir` (`ab/abcdef….json`), so a re-run of a workflow over the same
 * images, in a new process, does not call the vendor again. Writes go to a temp file renamed into place, so a
 * crash or a concurrent writer never leaves a half-written entry; a damaged entry reads as a miss.
 */
export class DiskCache implements ResponseCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  #path(key: string): { folder: string; file: string } {
    const folder = join(this.dir, key.slice(0, 2));
    return { folder, file: join(folder, `${key}.json`) };
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    let text: string;
    try {
      text = await readFile(this.#path(key).file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      return asCachedAnswer(JSON.parse(text));
    } catch {
      return undefined;
    }
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    const { folder, file } = this.#path(key);
    await mkdir(folder, { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify(answer));
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

export function createDiskCache(dir: string): DiskCache {
  return new DiskCache(dir);
}
