export { WorkflowError, type WorkflowErrorOptions, type BlockErrorDetail } from './workflow-error.js';
export { WorkflowCompilationError, type CompilationProblem } from './compilation-error.js';
export { RuntimeInputError, StepExecutionError, BlockContractError, WorkflowAbortedError } from './runtime-errors.js';
export { BlockPackError } from './plugin-errors.js';
