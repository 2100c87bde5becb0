import type { Kind } from '@flow/kinds';
import type { BlockDefinition } from './define-block.js';

/** A named group of blocks and the kinds they introduce; first- and third-party packs are the same thing. */
export interface BlockPack {
  name: string;
  /** Version of the pack contract; 1 today. */
  apiVersion?: 1;
  blocks: readonly BlockDefinition<any, any>[];
  kinds?: readonly Kind<any>[];
}

export function defineBlockPack(pack: BlockPack): BlockPack {
  return pack;
}
