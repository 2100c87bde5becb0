import { formattersPack } from '@flow/blocks-formatters';
import { foundationPack } from '@flow/blocks-foundation';
import type { BlockPack } from '@flow/engine';

/**
 * Packs every server serves unless told otherwise: the first-party formatter and model blocks. More arrive by
 * registration (`FLOW_PLUGINS`, `createServer({ packs })`), never by editing routes.
 */
export const defaultBlockPacks: readonly BlockPack[] = [formattersPack, foundationPack];
