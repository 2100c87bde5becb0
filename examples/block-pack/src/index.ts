import { defineBlockPack } from '@flow/engine';
import { classCountBlock } from './class-count-block.js';

export { classCountBlock, type ClassCountInputs } from './class-count-block.js';

/** The pack is the module's default export: `FLOW_PLUGINS=flow-blocks-class-count` imports and registers it. */
export default defineBlockPack({
  name: 'flow-blocks-class-count',
  apiVersion: 1,
  blocks: [classCountBlock],
});
