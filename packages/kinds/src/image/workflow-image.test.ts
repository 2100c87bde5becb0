import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/invalid-input-error.js';
import { makeJpegHeader, makePng } from '@flow/testing';
import { deserializeImage } from './deserialize-image.js';
import { serializeImage } from './serialize-image.js';
import { WorkflowImage } from './workflow-image.js';

const png = makePng(64, 48);

describe('WorkflowImage', () => {
  it('reads the size of a PNG from its header', () => {
    const image = WorkflowImage.fromBytes(png, { parentId: 'image' });
    expect([image.width, image.height, image.format, image.mediaType]).toEqual([64, 48, 'png', 'image/png']);
  });

  it('accepts base64 with and without a data URL prefix and keeps the text for serialising', () => {
    const text = png.toString('base64');
    const plain = WorkflowImage.fromBase64(text, { parentId: 'a' });
    const prefixed = WorkflowImage.fromBase64(`data:image/png;base64,${text}`, { parentId: 'b' });
    expect(plain.base64).toBe(text);
    expect(prefixed.base64).toBe(text);
    expect(Buffer.from(prefixed.bytes).equals(png)).toBe(true);
  });

  it('accepts URL-safe base64 and base64 broken over lines', () => {
    const text = png.toString('base64url');
    expect(WorkflowImage.fromBase64(text, { parentId: 'a' }).width).toBe(64);
    const wrapped = png.toString('base64').replace(/(.{60})/g, '$1\n');
    expect(WorkflowImage.fromBase64(wrapped, { parentId: 'a' }).height).toBe(48);
  });

  it('swaps width and height for JPEGs whose EXIF orientation turns them', () => {
    expect(WorkflowImage.fromBytes(makeJpegHeader(300, 200), { parentId: 'x' })).toMatchObject({ width: 300, height: 200 });
    const turned = WorkflowImage.fromBytes(makeJpegHeader(300, 200, 6), { parentId: 'x' });
    expect([turned.width, turned.height]).toEqual([200, 300]);
  });

  it.each([
    ['not base64 at all!', /not valid base64.*unexpected character "!"/],
    ['', /empty image string/],
    [Buffer.from('hello world, not an image').toString('base64'), /not a readable image/],
    ['data:image/png,abc', /without ";base64,"/],
  ])('rejects %j with a clear error naming the input', (text, message) => {
    const attempt = () => WorkflowImage.fromBase64(text, { parentId: 'image.[3]' });
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(/`image\.\[3\]`/);
  });

  it('rejects unsupported formats by name', () => {
    const tiff = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);
    expect(() => WorkflowImage.fromBytes(tiff, { parentId: 'i' })).toThrow(/not a readable image/);
  });
});

describe('deserializeImage', () => {
  const context = { elementId: 'image' };

  it('takes {type: base64} objects with lineage keys', async () => {
    const image = await deserializeImage(
      { type: 'base64', value: png.toString('base64'), parent_id: 'crop-1', root_parent_id: 'root', parent_origin: { offset_x: 5, offset_y: 6, width: 64, height: 48 }, root_parent_origin: { offset_x: 10, offset_y: 20, width: 640, height: 480 } },
      context,
    );
    expect(image.isCrop).toBe(true);
    expect(image.rootParentOrigin).toEqual({ offsetX: 10, offsetY: 20, width: 640, height: 480 });
    const wire = serializeImage(image);
    expect(Object.keys(wire)).toEqual(['type', 'value', 'video_metadata', 'parent_id', 'parent_origin', 'root_parent_id', 'root_parent_origin']);
    expect(wire.root_parent_origin).toEqual({ offset_x: 10, offset_y: 20, width: 640, height: 480 });
  });

  it('refuses URLs and files unless the host grants a loader, and uses the loader when it does', async () => {
    await expect(deserializeImage({ type: 'url', value: 'https://example.com/a.png' }, context)).rejects.toThrow(/URL images are not enabled/);
    await expect(deserializeImage({ type: 'file', value: '/tmp/a.png' }, context)).rejects.toThrow(/only the CLI may read/);
    const loaded = await deserializeImage('https://example.com/a.png', { ...context, loadImageUrl: async () => png });
    expect(loaded.width).toBe(64);
  });

  it('rejects values that are not images', async () => {
    await expect(deserializeImage(42, context)).rejects.toThrow(/must be an image.*got a number/);
    await expect(deserializeImage({ type: 'base64', value: 7 }, context)).rejects.toThrow(/string "value"/);
    await expect(deserializeImage({ type: 'numpy', value: 'x' }, context)).rejects.toThrow(/unknown image type "numpy"/);
    await expect(deserializeImage({ type: 'base64', value: png.toString('base64'), parent_origin: { offset_x: 'a' } }, context)).rejects.toThrow(/parent_origin/);
  });

  it('serialises a still image without lineage keys and with synthesised video metadata', async () => {
    const image = await deserializeImage(png.toString('base64'), context);
    const wire = serializeImage(image);
    expect(Object.keys(wire)).toEqual(['type', 'value', 'video_metadata']);
    expect(wire.video_metadata).toMatchObject({ video_identifier: 'image', frame_number: 0, fps: 30, measured_fps: null, comes_from_video_file: null });
    expect(String(wire.video_metadata.frame_timestamp)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });
});
