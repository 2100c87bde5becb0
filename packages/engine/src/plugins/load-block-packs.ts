import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BlockPack } from '../block/define-block-pack.js';
import { BlockPackError } from '../errors/plugin-errors.js';

const importing = new Set<string>();

/**
 * Block packs whose import has started and not settled. A pack whose top-level await never settles
 * leaves Node with nothing to do: it exits with code 13 and no word of why, so hosts (the CLI) read this
 * on exit to name the pack.
 */
export function blockPacksStillImporting(): string[] {
  return [...importing];
}

/** Splits `FLOW_PLUGINS`-style text (`a,b, ./c`) into module specifiers. */
export function parsePluginList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * Imports block packs named by module specifier: a package name resolved from `cwd`'s node_modules, or
 * a path (`./local-pack`, `/abs/pack.js`). The module's default export (or its `pack` export) is the pack.
 */
export async function loadBlockPacks(specifiers: readonly string[], options: { cwd?: string } = {}): Promise<BlockPack[]> {
  const cwd = options.cwd ?? process.cwd();
  const packs: BlockPack[] = [];
  for (const specifier of specifiers) {
    const url = resolveSpecifier(specifier, cwd);
    let module: Record<string, unknown>;
    importing.add(specifier);
    try {
      module = (await import(url)) as Record<string, unknown>;
    } catch (error) {
      throw new BlockPackError({
        code: 'BLOCK_PACK_IMPORT_FAILED',
        pack: specifier,
        cause: error,
        message: `Could not load block pack "${specifier}": ${(error as Error).message}. Make sure the package is installed (or the path exists) and exports a pack made with defineBlockPack().`,
      });
    } finally {
      importing.delete(specifier);
    }
    const pack = (module.default ?? module.pack) as BlockPack | undefined;
    if (typeof pack !== 'object' || pack === null || !Array.isArray(pack.blocks)) {
      throw new BlockPackError({ code: 'BLOCK_PACK_INVALID', pack: specifier, message: `Module "${specifier}" does not export a block pack: expected a default export made with defineBlockPack({ name, blocks }).` });
    }
    packs.push(pack);
  }
  return packs;
}

function resolveSpecifier(specifier: string, cwd: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const path = isAbsolute(specifier) ? specifier : resolve(cwd, specifier);
    return pathToFileURL(resolveFile(path, specifier)).href;
  }
  const [scopeOrName, maybeName, ...rest] = specifier.split('/');
  const packageName = scopeOrName!.startsWith('@') ? `${scopeOrName}/${maybeName}` : scopeOrName!;
  const subpath = (scopeOrName!.startsWith('@') ? rest : [maybeName, ...rest]).filter(Boolean).join('/');
  for (let directory = cwd; ; directory = dirname(directory)) {
    const packageDirectory = join(directory, 'node_modules', packageName);
    if (existsSync(join(packageDirectory, 'package.json'))) return pathToFileURL(packageEntry(packageDirectory, subpath)).href;
    if (dirname(directory) === directory) break;
  }
  // Not installed beside cwd: let Node resolve it from the engine's own location.
  return specifier;
}

/** The file a package exports for `import` at `subpath` (or its root). */
function packageEntry(directory: string, subpath: string): string {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Record<string, unknown>;
  const key = subpath ? `./${subpath}` : '.';
  const exportsField = manifest.exports as Record<string, unknown> | string | undefined;
  let target: unknown = typeof exportsField === 'string' && key === '.' ? exportsField : (exportsField as Record<string, unknown> | undefined)?.[key];
  while (target && typeof target === 'object') {
    const conditions = target as Record<string, unknown>;
    target = conditions.import ?? conditions.node ?? conditions.default;
  }
  if (typeof target === 'string') return join(directory, target);
  if (subpath) return resolveFile(join(directory, subpath), subpath);
  return join(directory, (manifest.module as string | undefined) ?? (manifest.main as string | undefined) ?? 'index.js');
}

function resolveFile(path: string, specifier: string): string {
  for (const candidate of [path, `${path}.js`, `${path}.mjs`, join(path, 'index.js'), join(path, 'index.mjs')]) {
    if (existsSync(candidate) && !isDirectory(candidate)) return candidate;
  }
  if (existsSync(join(path, 'package.json'))) return packageEntry(path, '');
  throw new BlockPackError({ code: 'BLOCK_PACK_IMPORT_FAILED', pack: specifier, message: `Could not load block pack "${specifier}": no module at ${path}.` });
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}
