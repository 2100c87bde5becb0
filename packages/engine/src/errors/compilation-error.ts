import { MAX_LISTED_PROBLEMS } from '../compiler/hint-limits.js';
import { WorkflowError, type BlockErrorDetail } from './workflow-error.js';

/** One thing wrong with a definition. A compilation reports all it can find. */
export interface CompilationProblem {
  /** Stable code: UNKNOWN_BLOCK_TYPE, INVALID_REFERENCE_TARGET, KIND_MISMATCH ... */
  code: string;
  message: string;
  /** Reference error class for this kind of problem. */
  errorType: string;
  context: string;
  status: number;
  /** The step at fault (or `$outputs`, `$inputs`), when there is one. */
  step: string | null;
  blockType: string | null;
  /** The property (or output name) at fault, when there is one. */
  property: string | null;
  /** A hint on how to fix it, e.g. close block names. */
  hint?: string;
}

/** Raised by `compile` with every problem found; the first one sets the reference error type and status. */
export class WorkflowCompilationError extends WorkflowError {
  readonly problems: CompilationProblem[];

  constructor(problems: CompilationProblem[]) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    // The body lists the first problems only: its size stays bounded whatever the definition's size.
    const listed = problems.length > MAX_LISTED_PROBLEMS ? problems.slice(0, MAX_LISTED_PROBLEMS) : problems;
    const omitted = problems.length - listed.length;
    super({
      code: first.code,
      message: `${first.message}${more}`,
      errorType: first.errorType,
      context: first.context,
      status: first.status,
      blocksErrors: listed.map(toBlockError),
      details: omitted > 0 ? { problems: listed, omittedProblems: omitted } : { problems },
    });
    this.name = 'WorkflowCompilationError';
    this.problems = problems;
  }
}

function toBlockError(problem: CompilationProblem): BlockErrorDetail {
  return {
    step: problem.step,
    blockType: problem.blockType,
    property: problem.property,
    details: problem.hint ? `${problem.message} ${problem.hint}` : problem.message,
  };
}
