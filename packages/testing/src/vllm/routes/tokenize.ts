import type { FakeVllmContext, RouteRequest, RouteResult } from '../fake-vllm-context.js';
import { BOS_TOKEN_ID, VOCABULARY_SIZE, tokenStrings, tokenizeText } from '../fake-tokenizer.js';
import { chatPrompt, checkModel } from '../prompts.js';
import { badRequest, schemaError } from '../vllm-http-error.js';

/** `POST /tokenize`: completion style takes `prompt` (not `input`); chat style defaults `add_generation_prompt` to true. */
export function tokenize({ body }: RouteRequest, context: FakeVllmContext): RouteResult {
  checkModel(body, context);
  let ids: number[];
  if (typeof body['prompt'] === 'string') {
    const tokens = tokenizeText(body['prompt']).ids;
    ids = body['add_special_tokens'] === false ? tokens : [BOS_TOKEN_ID, ...tokens];
  } else if (body['messages'] !== undefined) {
    // Tokenize reports lengths; it never truncates or rejects long prompts.
    ids = chatPrompt({ ...body, truncate_prompt_tokens: Number.MAX_SAFE_INTEGER }, { ...context, maxModelLength: Number.MAX_SAFE_INTEGER }, { addGenerationPrompt: true });
  } else {
    throw schemaError("Field required: the request needs either 'prompt' or 'messages'.");
  }
  return {
    body: {
      count: ids.length,
      max_model_len: context.maxModelLength,
      tokens: ids,
      token_strs: body['return_token_strs'] === true ? tokenStrings(ids) : null,
    },
  };
}

/** `POST /detokenize`. */
export function detokenize({ body }: RouteRequest, context: FakeVllmContext): RouteResult {
  checkModel(body, context);
  const tokens = body['tokens'];
  if (!Array.isArray(tokens) || !tokens.every((id) => Number.isInteger(id))) throw schemaError('tokens: Input should be a valid list of integers');
  for (const id of tokens as number[]) if (id < 0 || id >= VOCABULARY_SIZE) throw badRequest(`Token id ${id} is out of vocabulary`);
  return { body: { prompt: tokenStrings(tokens as number[]).join(' ') } };
}
