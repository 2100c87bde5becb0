import { WorkflowImage } from '@flow/kinds';
import { makePngHeader } from '@flow/testing';

/** Header-only PNG bytes of the given size (see `makePngHeader`). */
export const pngHeader = makePngHeader;

/** A test image of the given size whose parent (and root) is `parentId`. */
export function testImage(width: number, height: number, parentId = 'parent'): WorkflowImage {
  return WorkflowImage.fromBytes(makePngHeader(width, height), { parentId });
}
