import { selector } from '@flow/engine';
import { imageKind } from '@flow/kinds';
import type { z } from 'zod';

/**
 * `images`, the batch of images a model block sends, one request each. The reference also takes `image`
 * (Pydantic `AliasChoices("images", "image")`): blocks declare it with `propertyAliases: IMAGE_PROPERTY_ALIASES`,
 * so the compiler renames it and describe output lists `images` alone, as the reference's does.
 */
export function imagesProperties(description = 'The images to send to the model, one request each.') {
  return { images: selector([imageKind], { title: 'Image', description }).optional() };
}

/** `image` is another name for `images`; when a step gives both, `images` wins (as Pydantic picks the first alias). */
export const IMAGE_PROPERTY_ALIASES = { image: 'images' } as const;

/** The batch parameters of a block with `imagesProperties`. */
export const IMAGE_BATCH_PARAMETERS = ['images'] as const;

/** Manifest rule: `images` (or `image`) is required. Optional in the schema so the message can say what to give. */
export function requireImages(manifest: { images?: unknown }, context: z.RefinementCtx): void {
  if (manifest.images === undefined || manifest.images === null) {
    context.addIssue({ code: 'custom', path: ['images'], message: '`images` is required: a selector of the images to send (e.g. "$inputs.image")' });
  }
}

/** @deprecated the name from when `image` was a second property; use `requireImages`. */
export const requireOneImageProperty = requireImages;

/** The images a step received (the engine hands a batch parameter as a list; a skipped element is undefined). */
export function imagesOf<T>(inputs: { images?: readonly (T | undefined)[] | undefined }): T[] {
  return (inputs.images ?? []).filter((value): value is T => value !== undefined);
}
