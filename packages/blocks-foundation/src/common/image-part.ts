import type { ImagePart } from '@flow/providers-core';
import type { WorkflowImage } from '@flow/kinds';

/**
 * The image as a model content part: its encoded bytes as they are. The provider prepares it for the
 * vendor (orient, downscale to what the model can use, re-encode only when needed), so it is not done here.
 */
export function imagePartOf(image: WorkflowImage, detail?: ImagePart['detail']): ImagePart {
  return { type: 'image', data: image.bytes, mediaType: image.mediaType, ...(detail ? { detail } : {}) };
}
