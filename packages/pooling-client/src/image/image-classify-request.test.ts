import { describe, expect, it } from 'vitest';
import { imageClassifyRequest, imageUrl } from './image-classify-request.js';
import { sniffImageType } from './sniff-image-type.js';

const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe('imageClassifyRequest', () => {
  it('builds one user message: optional text first, then the image as a base64 data URL', () => {
    expect(imageClassifyRequest({ image: jpeg, text: 'Please classify this image.', model: 'vl', add_generation_prompt: false })).toEqual({
      model: 'vl',
      add_generation_prompt: false,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Please classify this image.' },
            { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}` } },
          ],
        },
      ],
    });
  });

  it('adds a system message, detail and uuid when given', () => {
    const request = imageClassifyRequest({ image: 'https://example.com/cat.png', system: 'Label animals.', detail: 'low', uuid: 'cat-1' });
    expect(request.messages).toEqual([
      { role: 'system', content: 'Label animals.' },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' }, uuid: 'cat-1' }] },
    ]);
  });

  it('accepts ArrayBuffers and Buffers (views into a larger buffer included)', () => {
    const framed = new Uint8Array([9, 9, ...jpeg, 9]);
    expect(imageUrl(framed.subarray(2, 2 + jpeg.length))).toBe(imageUrl(jpeg));
    expect(imageUrl(jpeg.slice().buffer)).toBe(imageUrl(jpeg));
  });

  it('passes base64 data URLs through and rejects the ones vLLM would refuse', () => {
    expect(imageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(() => imageUrl('data:image/png,rawbytes')).toThrow(/must be base64/);
    expect(() => imageUrl('/tmp/cat.png')).toThrow(/bytes, a base64 data: URL or an http\(s\) URL/);
    expect(() => imageUrl(new Uint8Array())).toThrow(/empty/);
    expect(() => imageUrl(Uint8Array.from([1, 2, 3, 4]))).toThrow(/mediaType/);
    expect(imageUrl(Uint8Array.from([1, 2, 3, 4]), 'image/avif')).toBe('data:image/avif;base64,AQIDBA==');
  });
});

describe('sniffImageType', () => {
  it('recognises common formats from their headers', () => {
    const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0x47, 0x49, 0x46, 0x38]))).toBe('image/gif');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(Uint8Array.from([0x49, 0x49, 0x2a, 0x00]))).toBe('image/tiff');
    expect(sniffImageType(Uint8Array.from([0x00]))).toBeUndefined();
  });
});
