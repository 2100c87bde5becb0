import { opendir, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../../cli-io.js';

/** Extensions a folder or glob walk picks up (files named explicitly are taken whatever their name). */
export const imageExtensions = ['.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp'];

const globCharacters = /[*?[\]{}!]/;

function hasImageExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return imageExtensions.some((extension) => lower.endsWith(extension));
}

/** One `IMAGES` argument: a file, a folder (walked recursively) or a glob. */
type ImageSource = { kind: 'file'; path: string } | { kind: 'folder'; path: string } | { kind: 'glob'; base: string; matches: (path: string) => boolean };

/**
 * Checks every argument now (a missing file or folder is a usage error before any work starts) without
 * listing anything yet.
 */
export async function resolveImageSources(args: readonly string[], cwd: string): Promise<ImageSource[]> {
  const sources: ImageSource[] = [];
  for (const arg of args) {
    if (globCharacters.test(arg)) {
      const segments = arg.split(/[\\/]/);
      const firstMagic = segments.findIndex((segment) => globCharacters.test(segment));
      const base = segments.slice(0, firstMagic).join('/') || (isAbsolute(arg) ? '/' : '.');
      const matcher = picomatch(normalize(arg).split(sep).join('/'), { dot: false });
      sources.push({ kind: 'glob', base, matches: (path) => matcher(path.split(sep).join('/')) });
      continue;
    }
    let info;
    try {
      info = await stat(resolve(cwd, arg));
    } catch {
      throw new UsageError(`no such image file or folder: ${arg}`, 'batch');
    }
    sources.push(info.isDirectory() ? { kind: 'folder', path: arg } : { kind: 'file', path: arg });
  }
  return sources;
}

/** Walks a folder depth-first in name order, one directory's entries in memory at a time. */
async function* walk(cwd: string, folder: string): AsyncGenerator<string> {
  let directory;
  try {
    directory = await opendir(resolve(cwd, folder));
  } catch {
    return;
  }
  const entries: Array<{ name: string; isDirectory: boolean }> = [];
  for await (const entry of directory) {
    if (entry.name.startsWith('.')) continue;
    entries.push({ name: entry.name, isDirectory: entry.isDirectory() });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = folder === '.' ? entry.name : join(folder, entry.name);
    if (entry.isDirectory) yield* walk(cwd, path);
    else yield path;
  }
}

/**
 * Streams the image paths of the sources, in argument order, each folder in name order, without
 * holding the list: 10,000 files cost one directory listing at a time. Paths are as the user would
 * write them (relative to the working directory unless given absolute), each at most once.
 */
export async function* listImages(sources: readonly ImageSource[], cwd: string): AsyncGenerator<string> {
  const seen = new Set<string>();
  const once = (path: string) => {
    const key = resolve(cwd, path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const source of sources) {
    if (source.kind === 'file') {
      if (once(source.path)) yield normalize(source.path);
    } else if (source.kind === 'folder') {
      for await (const path of walk(cwd, source.path)) if (hasImageExtension(path) && once(path)) yield path;
    } else {
      for await (const path of walk(cwd, source.base)) {
        const written = isAbsolute(source.base) ? path : relative('.', path);
        if (hasImageExtension(path) && source.matches(written) && once(path)) yield written;
      }
    }
  }
}

/** How many images `listImages` will yield (a second walk that keeps only the count), for progress. */
export async function countImages(sources: readonly ImageSource[], cwd: string): Promise<number> {
  let count = 0;
  for await (const _ of listImages(sources, cwd)) count++;
  return count;
}
