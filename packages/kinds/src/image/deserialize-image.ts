import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { DeserializeContext } from '../kind.js';
import { WorkflowImage, type ImageLineage, type ImageOrigin } from './workflow-image.js';

const urlPattern = /^https?:\/\//i;

/**
 * Accepts every image form a Roboflow client sends: `{"type": "base64" | "url" | "file", "value": ...}`
 * with optional lineage keys, a bare base64 / data-URL / URL string, raw bytes, or a `WorkflowImage`.
 * URLs and files are read only through the loaders the host grants in `context`.
 */
export async function deserializeImage(value: unknown, context: DeserializeContext): Promise<WorkflowImage> {
  const input = context.elementId;
  if (value instanceof WorkflowImage) return value;
  if (value instanceof Uint8Array) return WorkflowImage.fromBytes(value, { parentId: input });
  if (typeof value === 'string') return fromString(value, 'base64', { parentId: input }, context);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError({
      input,
      message: `Input \`${input}\` must be an image: {"type": "base64", "value": "..."}, a data URL or a URL; got ${describeType(value)}.`,
    });
  }
  const record = value as Record<string, unknown>;
  const type = typeof record.type === 'string' ? record.type : 'base64';
  const lineage = readLineage(record, input);
  if (record.value instanceof Uint8Array) return WorkflowImage.fromBytes(record.value, lineage);
  if (typeof record.value !== 'string') {
    throw new InvalidInputError({ input, message: `Input \`${input}\` must have a string "value" holding the image; got ${describeType(record.value)}.` });
  }
  return fromString(record.value, type, lineage, context);
}

async function fromString(text: string, type: string, lineage: ImageLineage, context: DeserializeContext): Promise<WorkflowImage> {
  const input = context.elementId;
  if (type === 'url' || urlPattern.test(text)) {
    if (!urlPattern.test(text)) throw new InvalidInputError({ input, message: `Input \`${input}\` has type "url" but its value is not an http(s) URL.` });
    if (!context.loadImageUrl) {
      throw new InvalidInputError({ input, message: `Input \`${input}\` is a URL, and URL images are not enabled here; send the image as base64.` });
    }
    return WorkflowImage.fromBytes(await context.loadImageUrl(text), lineage);
  }
  if (type === 'file') {
    if (!context.loadImageFile) {
      throw new InvalidInputError({ input, message: `Input \`${input}\` names a local file, which only the CLI may read; send the image as base64.` });
    }
    return WorkflowImage.fromBytes(await context.loadImageFile(text), lineage);
  }
  if (type !== 'base64' && type !== 'numpy_object' && type !== 'pil' && type !== 'multipart') {
    throw new InvalidInputError({ input, message: `Input \`${input}\` has unknown image type "${type}" (expected "base64", "url" or "file").` });
  }
  return WorkflowImage.fromBase64(text, lineage);
}

function readLineage(record: Record<string, unknown>, input: string): ImageLineage {
  const lineage: ImageLineage = { parentId: typeof record.parent_id === 'string' ? record.parent_id : input };
  if (typeof record.root_parent_id === 'string') lineage.rootParentId = record.root_parent_id;
  const parentOrigin = readOrigin(record.parent_origin, input, 'parent_origin');
  const rootParentOrigin = readOrigin(record.root_parent_origin, input, 'root_parent_origin');
  if (parentOrigin) lineage.parentOrigin = parentOrigin;
  if (rootParentOrigin) lineage.rootParentOrigin = rootParentOrigin;
  if (typeof record.video_metadata === 'object' && record.video_metadata !== null) {
    lineage.videoMetadata = record.video_metadata as Record<string, unknown>;
  }
  return lineage;
}

function readOrigin(value: unknown, input: string, key: string): ImageOrigin | undefined {
  if (value === undefined || value === null) return undefined;
  const origin = value as Record<string, unknown>;
  const fields = ['offset_x', 'offset_y', 'width', 'height'] as const;
  if (typeof value !== 'object' || fields.some((field) => typeof origin[field] !== 'number')) {
    throw new InvalidInputError({ input, message: `Input \`${input}\` has an invalid "${key}": expected numbers offset_x, offset_y, width, height.` });
  }
  return {
    offsetX: origin.offset_x as number,
    offsetY: origin.offset_y as number,
    width: origin.width as number,
    height: origin.height as number,
  };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
