import { formattersPack } from '@flow/blocks-formatters';
import { foundationPack } from '@flow/blocks-foundation';
import { createEngineWithPlugins, type Engine } from '@flow/engine';
import type { CliIo } from './cli-io.js';

/** The first-party packs every `flow` command loads; more come from `--plugin` and `FLOW_PLUGINS`. */
export const defaultPacks = [formattersPack, foundationPack];

export function loadEngine(io: CliIo, plugins: readonly string[]): Promise<Engine> {
  return createEngineWithPlugins({ packs: defaultPacks, plugins, cwd: io.cwd, env: io.env });
}
