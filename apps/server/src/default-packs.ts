import { formattersPack } from '@flow/blocks-formatters';
import { foundationPack } from '@flow/blocks-foundation';
import { transformationsPack } from '@flow/blocks-transformations';
import { visualizationPack } from '@flow/blocks-visualization';
import type { BlockPack } from '@flow/engine';

/**
 * Packs every server serves unless told otherwise: the first-party formatter, model, transformation and
 * visualization blocks. More arrive by registration (`FLOW_PLUGINS`, `createServer({ packs })`), never by editing routes.
 */
export const defaultBlockPacks: readonly BlockPack[] = [formattersPack, foundationPack, transformationsPack, visualizationPack];
