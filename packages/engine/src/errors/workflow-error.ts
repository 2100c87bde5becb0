import { FlowError } from '@flow/kinds';

/** One problem tied to a step (or `$outputs`) and property, the reference's `blocks_errors` entry. */
export interface BlockErrorDetail {
  /** Step name, `$outputs`, `$inputs` or null for definition-level problems. */
  step: string | null;
  blockType: string | null;
  property: string | null;
  details: string;
}

export interface WorkflowErrorOptions {
  code: string;
  message: string;
  /** Reference error class name clients switch on (`InvalidReferenceTargetError` ...). */
  errorType: string;
  /** Pipe-separated location, as in the reference (`workflow_compilation | execution_graph_construction`). */
  context: string;
  /** HTTP status the server answers with. */
  status: number;
  blocksErrors?: BlockErrorDetail[];
  innerErrorType?: string;
  innerErrorMessage?: string;
  cause?: unknown;
  details?: Record<string, unknown>;
}

/** Base of every error the engine raises while compiling or running a workflow. */
export class WorkflowError extends FlowError {
  readonly errorType: string;
  readonly context: string;
  readonly status: number;
  readonly blocksErrors: BlockErrorDetail[] | undefined;
  readonly innerErrorType: string | undefined;
  readonly innerErrorMessage: string | undefined;

  constructor(options: WorkflowErrorOptions) {
    super({ code: options.code, message: options.message, cause: options.cause, details: options.details });
    this.name = 'WorkflowError';
    this.errorType = options.errorType;
    this.context = options.context;
    this.status = options.status;
    this.blocksErrors = options.blocksErrors;
    this.innerErrorType = options.innerErrorType;
    this.innerErrorMessage = options.innerErrorMessage;
  }
}
