export { defineBlock, isBatchBlock, resolveBlockOutputs } from './block/define-block.js';
export type { BlockDefinition, ElementBlockDefinition, BatchBlockDefinition, BlockOutputs, BlockOutputValues } from './block/define-block.js';
export { defineBlockPack, type BlockPack } from './block/define-block-pack.js';
export { silentLogger, type BlockContext, type BlockLogger, type BlockServices, type UsageRecord } from './block/block-context.js';
export {
  selector,
  stepOutputSelector,
  parameterSelector,
  literalOrSelector,
  getSelectorInfo,
  findPropertySelectors,
  anySelectorPattern,
  inputSelectorPattern,
  stepOutputSelectorPattern,
  type SelectorInfo,
  type PropertySelectors,
} from './block/selectors.js';
