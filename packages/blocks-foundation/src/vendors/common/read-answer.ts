import { FlowError } from '@flow/kinds';
import type { GenerateResult } from '@flow/providers-core';

/**
 * Turns a model's result into the step's `output`, or a clear error. `strict` versions (OpenAI v4+, Claude
 * v2+, Gemini v2+) refuse an answer cut off by `max_tokens` or stopped for another reason, as the reference
 * does; older versions hand on whatever text came back, as theirs did. No version hands on an empty answer or
 * a withheld one (a refusal's text is not an answer to parse).
 */
export function readAnswer(result: GenerateResult, vendor: string, strict: boolean): string {
  const fail = (code: string, message: string) => new FlowError({ code, message, details: { finishReason: result.finishReason, model: result.model } });
  if (result.finishReason === 'content-filter') {
    throw fail('MODEL_OUTPUT_BLOCKED', `${vendor} withheld its answer (safety or content filter, or a refusal).`);
  }
  if (strict || result.text === '') {
    if (result.finishReason === 'length') {
      throw fail('MODEL_OUTPUT_TRUNCATED', `${vendor} stopped at the max_tokens limit before finishing its answer. Raise \`max_tokens\` to let it complete.`);
    }
    if (result.finishReason === 'error' || result.finishReason === 'other') {
      throw fail('MODEL_OUTPUT_UNFINISHED', `${vendor} stopped its answer for an unexpected reason (finish reason: ${result.finishReason}).`);
    }
  }
  if (result.text === '') throw fail('MODEL_OUTPUT_EMPTY', `${vendor} returned no text.`);
  return result.text;
}
