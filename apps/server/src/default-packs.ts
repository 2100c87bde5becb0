import { formattersPack } from '@flow/blocks-formatters';
import { visualizationPack } from '@flow/blocks-visualization';
import type { BlockPack } from '@flow/engine';

/**
 * Packs every server serves unless told otherwise: the first-party formatter and visualization blocks. More arrive by
 * registration (`FLOW_PLUGINS`, `createServer({ packs })`), never by editing routes.
 */
export const defaultBlockPacks: readonly BlockPack[] = [formattersPack, visualizationPack];
