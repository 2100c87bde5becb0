export { loadGoldenWorkflows, runGoldenWorkflow, assertGoldenWorkflow, type GoldenWorkflowFixture, type GoldenWorkflowResult } from './golden-workflows.js';
export { normalizeOutputs } from './normalize-outputs.js';
export { compareJson } from './compare-json.js';
