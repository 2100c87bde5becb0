import type { FakeVllmContext } from './fake-vllm-context.js';
import { BOS_TOKEN_ID, VOCABULARY_SIZE, tokenizeText } from './fake-tokenizer.js';
import { VllmHttpError, badRequest, schemaError } from './vllm-http-error.js';

/** Image, video and audio items expand to this many placeholder tokens, as multimodal processors do. */
const MEDIA_PLACEHOLDER_TOKENS = { image: 16, video: 64, audio: 32 } as const;
const END_OF_TURN_TOKEN_ID = 2;

/** `model`: null or omitted means the served model; anything else must be served or a loaded adapter. */
export function checkModel(body: Record<string, unknown>, context: FakeVllmContext): void {
  const model = body['model'];
  if (model === undefined || model === null) return;
  if (typeof model !== 'string') throw schemaError('model: Input should be a valid string');
  if (model !== context.model && !context.loraAdapters.includes(model)) {
    throw new VllmHttpError(404, `The model \`${model}\` does not exist.`, { type: 'NotFoundError' });
  }
}

/** Checks the fields shared by every pooling request; pydantic would reject these before the handler runs. */
export function checkCommonFields(body: Record<string, unknown>): void {
  const truncate = body['truncate_prompt_tokens'];
  if (truncate !== undefined && truncate !== null && (!Number.isInteger(truncate) || (truncate as number) < -1)) {
    throw schemaError('truncate_prompt_tokens: Input should be greater than or equal to -1');
  }
  const side = body['truncation_side'];
  if (side !== undefined && side !== null && side !== 'left' && side !== 'right') {
    throw schemaError("truncation_side: Input should be 'left' or 'right'");
  }
  const priority = body['priority'];
  if (priority !== undefined && !Number.isInteger(priority)) throw schemaError('priority: Input should be a valid integer');
  for (const flag of ['use_activation', 'add_special_tokens', 'add_generation_prompt', 'continue_final_message']) {
    const value = body[flag];
    if (value !== undefined && value !== null && typeof value !== 'boolean') throw schemaError(`${flag}: Input should be a valid boolean`);
  }
}

/** Completion-style `input` to token-id prompts, with vLLM's validation, special tokens and truncation. */
export function completionPrompts(body: Record<string, unknown>, context: FakeVllmContext): number[][] {
  const input = body['input'];
  const addSpecialTokens = body['add_special_tokens'] !== false;
  const raw = splitInput(input);
  if (raw.length === 0) throw badRequest('Input cannot be empty.', 'input');
  return raw.map((item) => {
    if (typeof item === 'string') {
      if (item === '') throw badRequest('Input cannot be empty.', 'input');
      const ids = tokenizeText(item).ids;
      return finishPrompt(addSpecialTokens ? [BOS_TOKEN_ID, ...ids] : ids, body, context);
    }
    if (item.length === 0) throw badRequest('Input cannot be empty.', 'input');
    for (const id of item) {
      if (id < 0 || id >= VOCABULARY_SIZE) throw badRequest(`Token id ${id} is out of vocabulary`, 'input');
    }
    return finishPrompt(item, body, context);
  });
}

function splitInput(input: unknown): (string | number[])[] {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input)) throw schemaError('input: Input should be a valid string or list');
  if (input.length === 0) return [];
  if (input.every((item) => typeof item === 'string')) return input as string[];
  if (input.every((item) => Number.isInteger(item))) return [input as number[]];
  if (input.every((item) => Array.isArray(item) && item.every((id) => Number.isInteger(id)))) return input as number[][];
  throw schemaError('input: Input should be a string, a list of strings, a list of token ids or a list of lists of token ids');
}

/** Chat-style `messages`: one conversation rendered through the (fake) chat template to one prompt. */
export function chatPrompt(body: Record<string, unknown>, context: FakeVllmContext, defaults: { addGenerationPrompt: boolean }): number[] {
  const messages = body['messages'];
  if (!Array.isArray(messages)) throw schemaError('messages: Input should be a valid list');
  const addGenerationPrompt = (body['add_generation_prompt'] as boolean | undefined) ?? defaults.addGenerationPrompt;
  if (addGenerationPrompt && body['continue_final_message'] === true) {
    throw schemaError('Cannot set both `continue_final_message` and `add_generation_prompt` to True.');
  }
  if (body['chat_template'] !== undefined && body['chat_template'] !== null) {
    throw badRequest('Chat template is passed with request, but --trust-request-chat-template is not set. Refused request with untrusted chat template.');
  }
  if (!context.hasChatTemplate) {
    throw badRequest(
      'As of transformers v4.44, default chat template is no longer allowed, so you must provide a chat template if the tokenizer does not define one.',
    );
  }
  const ids: number[] = body['add_special_tokens'] === true ? [BOS_TOKEN_ID] : [];
  messages.forEach((message: unknown, position) => {
    if (typeof message !== 'object' || message === null || typeof (message as { role?: unknown }).role !== 'string') {
      throw schemaError(`messages.${position}.role: Field required`);
    }
    const { role, content } = message as { role: string; content?: unknown };
    ids.push(...tokenizeText(`<|${role}|>`).ids, ...contentTokens(content, position));
    const isLast = position === messages.length - 1;
    if (!(isLast && body['continue_final_message'] === true)) ids.push(END_OF_TURN_TOKEN_ID);
  });
  if (addGenerationPrompt) ids.push(...tokenizeText('<|assistant|>').ids);
  return finishPrompt(ids, body, context);
}

/** A `/score` or `/rerank` item: a text, or `{content: ContentPart[]}` for multimodal scoring. */
export function scoreItemTokens(item: unknown): number[] {
  if (typeof item === 'string') return tokenizeText(item).ids;
  if (typeof item === 'object' && item !== null && 'content' in item) return contentTokens((item as { content: unknown }).content, 0);
  throw schemaError('Score inputs must be strings or objects with a `content` list.');
}

function contentTokens(content: unknown, position: number): number[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return tokenizeText(content).ids;
  if (!Array.isArray(content)) throw schemaError(`messages.${position}.content: Input should be a valid string or list`);
  return content.flatMap((part: unknown) => partTokens(part, position));
}

function partTokens(part: unknown, position: number): number[] {
  if (typeof part !== 'object' || part === null) throw schemaError(`messages.${position}.content: invalid content part`);
  const record = part as Record<string, unknown>;
  const type = (record['type'] ?? shorthandType(record)) as string | undefined;
  switch (type) {
    case 'text':
      if (typeof record['text'] !== 'string') throw schemaError(`messages.${position}.content.text: Field required`);
      return tokenizeText(record['text']).ids;
    case 'image_url':
    case 'video_url':
    case 'audio_url': {
      const value = record[type];
      const url = typeof value === 'string' ? value : (value as { url?: unknown } | undefined)?.url;
      if (typeof url !== 'string') throw schemaError(`messages.${position}.content.${type}.url: Field required`);
      checkMediaUrl(url);
      return placeholder(type === 'image_url' ? 'image' : type === 'video_url' ? 'video' : 'audio');
    }
    case 'input_audio':
    case 'audio_embeds':
      return placeholder('audio');
    case 'image_embeds':
      return placeholder('image');
    default:
      throw badRequest(`Unknown part type: ${String(type)}`);
  }
}

function shorthandType(record: Record<string, unknown>): string | undefined {
  return ['image_url', 'video_url', 'audio_url'].find((key) => typeof record[key] === 'string');
}

/** vLLM's media connector: data URLs must be base64 (else 501), `file://` needs an allowed path (else 500). */
function checkMediaUrl(url: string): void {
  if (url.startsWith('data:')) {
    const match = /^data:([^,;]*)((?:;[^,;]*)*),(.*)$/s.exec(url);
    if (!match) throw badRequest('Invalid data URL.');
    if (!(match[2] ?? '').split(';').includes('base64')) {
      throw new VllmHttpError(501, 'Only base64 data URLs are supported for now.', { type: 'NotImplementedError' });
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(match[3] ?? '')) throw badRequest('Incorrect padding or invalid base64 data in data URL.');
    return;
  }
  if (url.startsWith('file:')) {
    throw new VllmHttpError(500, 'Cannot load local files without `--allowed-local-media-path`.', { type: 'InternalServerError' });
  }
  if (!/^https?:\/\//.test(url)) throw badRequest(`Invalid media URL: the URL must be either a HTTP, data or file URL.`);
}

function placeholder(modality: keyof typeof MEDIA_PLACEHOLDER_TOKENS): number[] {
  return new Array<number>(MEDIA_PLACEHOLDER_TOKENS[modality]).fill(3);
}

/** Truncation and the length check, in vLLM's order: truncate if asked, else reject over-long prompts. */
function finishPrompt(ids: number[], body: Record<string, unknown>, context: FakeVllmContext): number[] {
  const truncate = body['truncate_prompt_tokens'] as number | null | undefined;
  if (truncate !== undefined && truncate !== null) {
    if (truncate > context.maxModelLength) {
      throw badRequest(
        'truncate_prompt_tokens value is greater than max_model_len. Please request a smaller truncation size.',
        'truncate_prompt_tokens',
      );
    }
    const keep = truncate === -1 ? context.maxModelLength : truncate;
    if (ids.length > keep) return body['truncation_side'] === 'left' ? ids.slice(ids.length - keep) : ids.slice(0, keep);
    return ids;
  }
  if (ids.length > context.maxModelLength) {
    const seen = context.maxModelLength + 1;
    throw badRequest(
      `This model's maximum context length is ${context.maxModelLength} tokens. However, you requested 0 output tokens and your prompt contains at least ${seen} input tokens, for a total of at least ${seen} tokens. Please reduce the length of the input prompt or the number of requested output tokens.`,
      'input_tokens',
    );
  }
  return ids;
}

/** Completion or chat, whichever the body carries; neither is a schema error, as with vLLM's request union. */
export function promptsOf(body: Record<string, unknown>, context: FakeVllmContext, chatDefaults = { addGenerationPrompt: false }): number[][] {
  checkCommonFields(body);
  if (body['input'] !== undefined) return completionPrompts(body, context);
  if (body['messages'] !== undefined) return [chatPrompt(body, context, chatDefaults)];
  throw schemaError("Field required: the request needs either 'input' or 'messages'.");
}

export function usageFor(prompts: readonly (readonly number[])[]): Record<string, unknown> {
  const promptTokens = prompts.reduce((total, prompt) => total + prompt.length, 0);
  return { prompt_tokens: promptTokens, total_tokens: promptTokens, completion_tokens: 0, prompt_tokens_details: null };
}
