import { selector } from '@flow/engine';
import { imageKind, type WorkflowImage } from '@flow/kinds';
import type { z } from 'zod';

/**
 * `images` with its reference alias `image` (Pydantic `AliasChoices("images", "image")`): both are declared
 * so the compiler binds whichever the step uses; `requireOneImageProperty` asks for exactly one.
 */
export function imagesProperties(description: string) {
  return {
    images: selector([imageKind], { description }).optional(),
    image: selector([imageKind], { description: 'Alias of `images`.' }).optional(),
  };
}

/** The batch parameters of a block with `imagesProperties`. */
export const IMAGE_BATCH_PARAMETERS = ['images', 'image'] as const;

/** Manifest rule: one of `images` / `image`, not both. */
export function requireOneImageProperty(manifest: { images?: unknown; image?: unknown }, context: z.RefinementCtx): void {
  if (manifest.images === undefined && manifest.image === undefined) {
    context.addIssue({ code: 'custom', path: ['images'], message: '`images` is required (a selector like "$inputs.image")' });
  } else if (manifest.images !== undefined && manifest.image !== undefined) {
    context.addIssue({ code: 'custom', path: ['image'], message: 'give `images` or its alias `image`, not both' });
  }
}

/** The batch of images a block received under either name. */
export function imagesOf(inputs: { images?: readonly WorkflowImage[] | undefined; image?: readonly WorkflowImage[] | undefined }): readonly WorkflowImage[] {
  // The engine hands every batch parameter as a list, so the unused name arrives as a list of undefined.
  const images = inputs.images?.some((image) => image !== undefined) ? inputs.images : inputs.image;
  return images ?? [];
}
