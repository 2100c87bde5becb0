import { InvalidInputError } from '../errors/invalid-input-error.js';
import { readImageHeader, type ImageFormat, type ImageHeader } from './image-header.js';

/** Where an image sits inside another one, in that one's pixels. */
export interface ImageOrigin {
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
}

/** Where an image came from: its parent (the image it was cut from) and the workflow input at the root. */
export interface ImageLineage {
  parentId: string;
  parentOrigin?: ImageOrigin;
  rootParentId?: string;
  rootParentOrigin?: ImageOrigin;
  /** Video frame metadata in its wire form, kept as sent. */
  videoMetadata?: Record<string, unknown>;
}

const dataUrlPattern = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w-]+=[^;,]*)*;base64,/i;
const base64Alphabet = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * An image flowing through a workflow. It keeps the encoded bytes (and the base64 text it arrived as,
 * so serialising it back costs nothing); size and format come from the header on first use.
 */
export class WorkflowImage {
  readonly parentId: string;
  readonly rootParentId: string;
  readonly videoMetadata: Record<string, unknown> | undefined;
  private readonly explicitParentOrigin: ImageOrigin | undefined;
  private readonly explicitRootParentOrigin: ImageOrigin | undefined;
  private encodedBytes: Uint8Array | undefined;
  private base64Text: string | undefined;
  private header: ImageHeader | undefined;

  private constructor(source: { bytes?: Uint8Array; base64?: string }, lineage: ImageLineage) {
    this.encodedBytes = source.bytes;
    this.base64Text = source.base64;
    this.parentId = lineage.parentId;
    this.rootParentId = lineage.rootParentId ?? lineage.parentId;
    this.explicitParentOrigin = lineage.parentOrigin;
    this.explicitRootParentOrigin = lineage.rootParentOrigin;
    this.videoMetadata = lineage.videoMetadata;
  }

  /**
   * From base64 text, with or without a `data:image/...;base64,` prefix. Checks the alphabet and the
   * image header now, so a bad image is an input error rather than a failure deep in a step.
   */
  static fromBase64(text: string, lineage: ImageLineage): WorkflowImage {
    const input = lineage.parentId;
    let body = text.trim();
    const prefix = dataUrlPattern.exec(body);
    if (prefix) body = body.slice(prefix[0].length);
    else if (/^data:/i.test(body)) {
      throw new InvalidInputError({ input, message: `Input \`${input}\` is a data URL without ";base64,"; only base64 data URLs are supported.` });
    }
    if (/\s/.test(body)) body = body.replace(/\s+/g, '');
    if (body.length === 0) throw new InvalidInputError({ input, message: `Input \`${input}\` is an empty image string.` });
    const urlSafe = body.includes('-') || body.includes('_');
    const normalised = urlSafe ? body.replace(/-/g, '+').replace(/_/g, '/') : body;
    if (!base64Alphabet.test(normalised) || normalised.length % 4 === 1) {
      throw new InvalidInputError({
        input,
        message: `Input \`${input}\` is not valid base64 image data (${describeFirstBadCharacter(normalised)}).`,
      });
    }
    const image = new WorkflowImage(
      { bytes: Buffer.from(normalised, 'base64'), base64: urlSafe ? undefined : body },
      lineage,
    );
    image.requireHeader();
    return image;
  }

  /** From encoded image bytes (JPEG, PNG, WebP, GIF or BMP). */
  static fromBytes(bytes: Uint8Array, lineage: ImageLineage): WorkflowImage {
    const image = new WorkflowImage({ bytes }, lineage);
    image.requireHeader();
    return image;
  }

  /**
   * A crop of `parent` (reference `create_crop`): its parent is the element it was cut for (`id`, e.g. a
   * detection id) at `offsetX`/`offsetY` in `parent`'s pixels; its root stays `parent`'s root, with the offsets
   * added up, so detections made on a crop of a crop still map back onto the workflow input.
   */
  static cropOf(parent: WorkflowImage, bytes: Uint8Array, crop: { id: string; offsetX: number; offsetY: number }): WorkflowImage {
    const root = parent.rootParentOrigin;
    return WorkflowImage.fromBytes(bytes, {
      parentId: crop.id,
      parentOrigin: { offsetX: crop.offsetX, offsetY: crop.offsetY, width: parent.width, height: parent.height },
      rootParentId: parent.rootParentId,
      rootParentOrigin: { offsetX: root.offsetX + crop.offsetX, offsetY: root.offsetY + crop.offsetY, width: root.width, height: root.height },
    });
  }

  /** The encoded bytes as given. */
  get bytes(): Uint8Array {
    this.encodedBytes ??= Buffer.from(this.base64Text ?? '', 'base64');
    return this.encodedBytes;
  }

  /** Standard base64 of the encoded bytes (the original text when the image arrived as base64). */
  get base64(): string {
    this.base64Text ??= Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('base64');
    return this.base64Text;
  }

  get width(): number {
    return this.requireHeader().width;
  }

  get height(): number {
    return this.requireHeader().height;
  }

  get format(): ImageFormat {
    return this.requireHeader().format;
  }

  get mediaType(): string {
    return this.requireHeader().mediaType;
  }

  /** `data:<type>;base64,<bytes>`, the form vision-model APIs accept. */
  toDataUrl(): string {
    return `data:${this.mediaType};base64,${this.base64}`;
  }

  /** Position of this image in its parent; the whole image when it has no parent. */
  get parentOrigin(): ImageOrigin {
    return this.explicitParentOrigin ?? { offsetX: 0, offsetY: 0, width: this.width, height: this.height };
  }

  /** Position of this image in the workflow input it descends from. */
  get rootParentOrigin(): ImageOrigin {
    return this.explicitRootParentOrigin ?? this.parentOrigin;
  }

  /** True when this image was cut from another one (its parent is not the root). */
  get isCrop(): boolean {
    return this.parentId !== this.rootParentId;
  }

  private requireHeader(): ImageHeader {
    if (this.header) return this.header;
    const result = readImageHeader(this.bytes);
    if (typeof result === 'string') {
      throw new InvalidInputError({ input: this.parentId, message: `Input \`${this.parentId}\` is not a readable image: ${result}.` });
    }
    this.header = result;
    return result;
  }
}

function describeFirstBadCharacter(text: string): string {
  const index = text.search(/[^A-Za-z0-9+/=]/);
  if (index >= 0) return `unexpected character ${JSON.stringify(text[index])} at position ${index}`;
  if (/=[^=]/.test(text)) return 'padding "=" in the middle';
  return `length ${text.length} is not a valid base64 length`;
}
