import type { WorkflowImage } from '@flow/kinds';
import type { ContentPart, GenerateOptions, ImagePart } from '@flow/providers-core';
import type { TaskPrompt } from '../../common/task-prompts.js';

/** The image as the model receives it: its encoded bytes as given (the provider prepares them for upload). */
export function imagePartOf(image: WorkflowImage, detail?: ImagePart['detail']): ImagePart {
  return { type: 'image', data: image.bytes, mediaType: image.mediaType, ...(detail ? { detail } : {}) };
}

/**
 * The message for a prompt: the vendor decides whether the text goes before the image (OpenAI) or after it
 * (Claude, Gemini), and what to say when a task has no user text (Gemini wants one, e.g. for OCR).
 */
export function promptOptions(
  prompt: TaskPrompt,
  image: ImagePart,
  layout: { imageFirst: boolean; textWhenNone?: string },
): Pick<GenerateOptions, 'system' | 'content' | 'responseFormat'> {
  const text = prompt.text ?? layout.textWhenNone;
  const textParts: ContentPart[] = text === undefined ? [] : [{ type: 'text', text }];
  const content = layout.imageFirst ? [image, ...textParts] : [...textParts, image];
  return {
    ...(prompt.system !== undefined ? { system: prompt.system } : {}),
    content,
    ...(prompt.schema ? { responseFormat: { type: 'json' as const, schema: prompt.schema, ...(prompt.schemaName ? { name: prompt.schemaName } : {}) } } : {}),
  };
}

/** Adds the optional numeric settings only when set, so unset ones never reach the vendor. */
export function samplingOptions(maxTokens: number | null | undefined, temperature: number | null | undefined): Pick<GenerateOptions, 'maxTokens' | 'temperature'> {
  return {
    ...(maxTokens !== null && maxTokens !== undefined ? { maxTokens } : {}),
    ...(temperature !== null && temperature !== undefined ? { temperature } : {}),
  };
}
