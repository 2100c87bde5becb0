import { flowPack } from '@flow/blocks-flow';
import { formattersPack } from '@flow/blocks-formatters';
import { foundationPack } from '@flow/blocks-foundation';
import { transformationsPack } from '@flow/blocks-transformations';
import { visualizationPack } from '@flow/blocks-visualization';
import { createEngineWithPlugins, type Engine } from '@flow/engine';
import type { CliIo } from './cli-io.js';

/**
 * The first-party packs every `flow` command loads (the server's defaults too; listed here so that a command
 * does not load the HTTP server to start); more come from `--plugin` and `FLOW_PLUGINS`.
 */
export const defaultPacks = [formattersPack, foundationPack, flowPack, transformationsPack, visualizationPack];

export function loadEngine(io: CliIo, plugins: readonly string[]): Promise<Engine> {
  return createEngineWithPlugins({ packs: defaultPacks, plugins, cwd: io.cwd, env: io.env });
}
