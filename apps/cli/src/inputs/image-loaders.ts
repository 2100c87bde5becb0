import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The CLI reads image files relative to `baseDirectory`, and fetches URLs for the user (it runs locally). */
export function cliImageLoaders(baseDirectory: string) {
  return {
    loadImageFile: async (path: string): Promise<Uint8Array> => {
      try {
        return await readFile(resolve(baseDirectory, path));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new Error(code === 'ENOENT' ? `image file not found: ${resolve(baseDirectory, path)}` : `cannot read image file ${path}: ${(error as Error).message}`);
      }
    },
    loadImageUrl: async (url: string): Promise<Uint8Array> => {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`fetching ${url} answered HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
