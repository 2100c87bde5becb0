import { formattersPack } from '@flow/blocks-formatters';
import { visualizationPack } from '@flow/blocks-visualization';
import { createEngineWithPlugins, type Engine } from '@flow/engine';
import type { CliIo } from './cli-io.js';

/** The first-party packs every `flow` command loads; more come from `--plugin` and `FLOW_PLUGINS`. */
export const defaultPacks = [formattersPack, visualizationPack];

export function loadEngine(io: CliIo, plugins: readonly string[]): Promise<Engine> {
  return createEngineWithPlugins({ packs: defaultPacks, plugins, cwd: io.cwd, env: io.env });
}
