import { flowPack } from '@flow/blocks-flow';
import { formattersPack } from '@flow/blocks-formatters';
import { foundationPack } from '@flow/blocks-foundation';
import { transformationsPack } from '@flow/blocks-transformations';
import { visualizationPack } from '@flow/blocks-visualization';
import type { BlockPack } from '@flow/engine';

/**
 * Packs every server serves unless told otherwise: the first-party formatter, model, flow-control, transformation
 * and visualization blocks. More arrive by registration (`FLOW_PLUGINS`, `createServer({ packs })`), never by editing routes.
 */
export const defaultBlockPacks: readonly BlockPack[] = [formattersPack, foundationPack, flowPack, transformationsPack, visualizationPack];
