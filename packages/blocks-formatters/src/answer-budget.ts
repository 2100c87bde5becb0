/**
 * The longest VLM answer (in UTF-16 code units) the formatter blocks read. A model answer is a few
 * kilobytes; a request can hand a block any string, and the Python parsers would read a huge one for
 * seconds. Beyond this the blocks report `error_status: true`, as the reference does for an answer it
 * cannot read, instead of holding the event loop.
 */
export const MAX_VLM_OUTPUT_LENGTH = 1024 * 1024;

/** Why an answer is refused unread, or undefined when it is within the budget. */
export function overAnswerBudget(vlmOutput: string): string | undefined {
  return vlmOutput.length > MAX_VLM_OUTPUT_LENGTH ? `The VLM output is ${vlmOutput.length} characters long, over the ${MAX_VLM_OUTPUT_LENGTH} this block reads` : undefined;
}
