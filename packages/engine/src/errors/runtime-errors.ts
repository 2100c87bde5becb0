import { WorkflowError } from './workflow-error.js';

/** A runtime input is missing or unusable (reference `RuntimeInputError`, 400). */
export class RuntimeInputError extends WorkflowError {
  readonly input: string;

  constructor({ input, message, cause }: { input: string; message: string; cause?: unknown }) {
    super({
      code: 'INVALID_RUNTIME_INPUT',
      message,
      errorType: 'RuntimeInputError',
      context: 'workflow_execution | runtime_input_validation',
      status: 400,
      innerErrorType: cause instanceof Error ? cause.name : undefined,
      innerErrorMessage: cause instanceof Error ? cause.message : undefined,
      cause,
      details: { input },
    });
    this.name = 'RuntimeInputError';
    this.input = input;
  }
}

/**
 * A block threw while running (reference `StepExecutionError`, 500). A cause that carries an HTTP
 * `status` of a client fault (400, 401, 402, 403, 404, 410, 423, 501, 507) keeps it, as the reference's
 * client-caused step errors do.
 */
export class StepExecutionError extends WorkflowError {
  readonly step: string;
  readonly blockType: string;

  constructor({ step, blockType, cause }: { step: string; blockType: string; cause: unknown }) {
    const inner = cause instanceof Error ? cause : new Error(String(cause));
    const status = clientFaultStatus(cause);
    super({
      code: 'STEP_EXECUTION_FAILED',
      message: `Step \`${step}\` (${blockType}) failed: ${inner.message}`,
      errorType: status === undefined ? 'StepExecutionError' : 'ClientCausedStepExecutionError',
      context: 'workflow_execution | step_execution',
      status: status ?? 500,
      innerErrorType: inner.name,
      innerErrorMessage: inner.message,
      blocksErrors: [{ step, blockType, property: null, details: inner.message }],
      cause,
      details: { step, blockType },
    });
    this.name = 'StepExecutionError';
    this.step = step;
    this.blockType = blockType;
  }
}

const clientFaultStatuses = new Set([400, 401, 402, 403, 404, 410, 423, 501, 507]);

function clientFaultStatus(cause: unknown): number | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const status = (cause as { status?: unknown }).status;
  return typeof status === 'number' && clientFaultStatuses.has(status) ? status : undefined;
}

/** A block broke the engine's contract, e.g. returned other outputs than it declares (500). */
export class BlockContractError extends WorkflowError {
  constructor({ step, blockType, message }: { step: string; blockType: string; message: string }) {
    super({
      code: 'INVALID_BLOCK_BEHAVIOUR',
      message,
      errorType: 'ExecutionEngineRuntimeError',
      context: 'workflow_execution | step_output_registration',
      status: 500,
      details: { step, blockType },
    });
    this.name = 'BlockContractError';
  }
}

/** The run was cancelled through its AbortSignal. */
export class WorkflowAbortedError extends WorkflowError {
  constructor(reason?: unknown) {
    super({
      code: 'RUN_ABORTED',
      message: `Workflow run was aborted${reason instanceof Error && reason.message ? `: ${reason.message}` : ''}.`,
      errorType: 'WorkflowAbortedError',
      context: 'workflow_execution',
      status: 499,
      cause: reason,
    });
    this.name = 'WorkflowAbortedError';
  }
}
