import type { ChatContentPart, ChatMessage } from '../wire/chat-message.js';
import type { ClassifyChatRequest } from '../wire/classify.js';
import { sniffImageType } from './sniff-image-type.js';

export type ImageSource = Uint8Array | ArrayBuffer | string;

export interface ImageClassifyRequestOptions extends Omit<ClassifyChatRequest, 'messages' | 'input'> {
  /** Encoded image bytes, a base64 `data:` URL, or an http(s) URL the server will fetch itself. */
  image: ImageSource;
  /** Media type for bytes whose format is not recognised from their header (JPEG, PNG, GIF, WebP, BMP, TIFF are). */
  mediaType?: string;
  /** A text part placed before the image in the user message, e.g. the prompt the classifier was trained with. */
  text?: string;
  /** An optional system message. */
  system?: string;
  /** OpenAI-compatible resolution hint; vLLM accepts and ignores it. */
  detail?: 'auto' | 'low' | 'high';
  /** Caller-chosen cache key for the image. */
  uuid?: string;
}

/**
 * Builds a chat-style `/classify` request (one conversation, so one result) for a single image. It also fits
 * `pooling()` and `embeddings()`, which take the same chat body.
 *
 * @example
 * const request = imageClassifyRequest({ image: await readFile('cat.jpg'), text: 'Please classify this image.' });
 * const { data: [result] } = await client.classify(request);
 */
export function imageClassifyRequest(options: ImageClassifyRequestOptions): ClassifyChatRequest {
  const { image, mediaType, text, system, detail, uuid, ...params } = options;
  const imagePart: ChatContentPart = {
    type: 'image_url',
    image_url: detail === undefined ? { url: imageUrl(image, mediaType) } : { url: imageUrl(image, mediaType), detail },
    ...(uuid === undefined ? {} : { uuid }),
  };
  const content: ChatContentPart[] = text === undefined ? [imagePart] : [{ type: 'text', text }, imagePart];
  const messages: ChatMessage[] = system === undefined ? [] : [{ role: 'system', content: system }];
  messages.push({ role: 'user', content });
  return { ...params, messages };
}

/** The URL vLLM should load: bytes become a base64 data URL; data and http(s) URLs are checked and passed on. */
export function imageUrl(image: ImageSource, mediaType?: string): string {
  if (typeof image === 'string') {
    if (image.startsWith('data:')) {
      // vLLM answers 501 to data URLs that are not base64; say so before sending.
      if (!/^data:[^,]*;base64,/i.test(image)) throw new TypeError('imageClassifyRequest: data URLs must be base64 (data:<mime>;base64,<payload>).');
      return image;
    }
    if (/^https?:\/\//i.test(image)) return image;
    throw new TypeError('imageClassifyRequest: image must be bytes, a base64 data: URL or an http(s) URL.');
  }
  const bytes = image instanceof Uint8Array ? image : new Uint8Array(image);
  if (bytes.length === 0) throw new TypeError('imageClassifyRequest: the image is empty.');
  const type = mediaType ?? sniffImageType(bytes);
  if (!type) throw new TypeError('imageClassifyRequest: unrecognised image format; pass mediaType (e.g. "image/jpeg").');
  return `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}
