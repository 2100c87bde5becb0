import type { BlockOutputValues } from '../block/define-block.js';
import type { IndexSpace } from './index-space.js';

/**
 * What a step left behind: one output record per element of its output level (null where it was skipped),
 * and for a flow-control step, per branch target, which elements of its level continue with that target.
 */
export interface StepResult {
  space: IndexSpace;
  elements: Array<BlockOutputValues | null>;
  decisions?: Map<string, Uint8Array>;
}
