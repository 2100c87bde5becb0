import { WorkflowCompilationError, isWorkflowError, toReferenceErrorResponse } from '@flow/engine';
import { writeJson, type CliIo } from './cli-io.js';

/**
 * Reports a workflow error: a readable summary on stderr (every compilation problem with its step and
 * property) and, when asked, the reference JSON body the server would answer on stdout.
 */
export function printWorkflowError(io: CliIo, error: unknown, options: { json: boolean; pretty: boolean }): boolean {
  if (!isWorkflowError(error)) return false;
  if (options.json) writeJson(io, toReferenceErrorResponse(error).body, options.pretty);
  if (error instanceof WorkflowCompilationError) {
    io.stderr.write(`error: the workflow does not compile (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}):\n`);
    for (const problem of error.problems) {
      const where = [problem.step && `step "${problem.step}"`, problem.property && `property "${problem.property}"`].filter(Boolean).join(', ');
      io.stderr.write(`  - ${where ? `${where}: ` : ''}${problem.message}${problem.hint ? ` ${problem.hint}` : ''} [${problem.code}]\n`);
    }
  } else {
    io.stderr.write(`error: ${error.message} [${error.code}]\n`);
  }
  return true;
}
