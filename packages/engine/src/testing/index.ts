export { loadGoldenWorkflows, runGoldenWorkflow, assertGoldenWorkflow, type GoldenWorkflowFixture, type GoldenWorkflowResult } from './golden-workflows.js';
export { normalizeOutputs } from './normalize-outputs.js';
export { compareJson } from './compare-json.js';
export {
  upperBlock,
  imageSizeBlock,
  describeBatchBlock,
  boxBlock,
  countBlock,
  failBlock,
  waitBlock,
  echoBlock,
  gateBlock,
  stripsBlock,
  gatherBlock,
  joinBlock,
  coalesceBlock,
  testBlocksPack,
} from './test-blocks.js';
