import { describe, expect, it, vi } from 'vitest';
import { imageLimitPresets } from './image-limits.js';
import { prepareImage } from './prepare-image.js';

const loads = vi.hoisted(() => ({ module: 0, decodes: 0 }));

// Counts how often the module under test loads sharp and how many images it opens with it.
vi.mock('sharp', async (importOriginal) => {
  loads.module += 1;
  const real = ((await importOriginal()) as { default: (...args: unknown[]) => unknown }).default;
  const counting = (...args: unknown[]) => {
    loads.decodes += 1;
    return real(...args);
  };
  return { default: counting };
});

async function makeJpeg(width: number, height: number): Promise<Uint8Array> {
  const real = ((await vi.importActual('sharp')) as { default: typeof import('sharp')['default'] }).default;
  return new Uint8Array(await real({ create: { width, height, channels: 3, background: '#336699' } }).jpeg().toBuffer());
}

async function makePng(width: number, height: number): Promise<Uint8Array> {
  const real = ((await vi.importActual('sharp')) as { default: typeof import('sharp')['default'] }).default;
  return new Uint8Array(await real({ create: { width, height, channels: 3, background: '#ffffff' } }).png().toBuffer());
}

describe('sharp is loaded lazily', () => {
  it('is not loaded for an image that fits, then loaded once and used once per (image, limits)', async () => {
    const small = await makeJpeg(320, 240);
    const large = await makeJpeg(3000, 2000);
    await prepareImage({ type: 'image', data: small, mediaType: 'image/jpeg' }, imageLimitPresets.openaiHigh);
    // A flat 4K PNG (a screenshot) over the pixel limits but tiny in bytes is sent as it is, without decoding.
    const flat = await makePng(3840, 2160);
    const screenshot = { type: 'image' as const, data: flat, mediaType: 'image/png' };
    expect(await prepareImage(screenshot, imageLimitPresets.openaiHigh)).toBe(screenshot);
    expect(loads.module).toBe(0);
    const part = { type: 'image' as const, data: large, mediaType: 'image/jpeg' };
    await Promise.all([prepareImage(part, imageLimitPresets.openaiHigh), prepareImage(part, imageLimitPresets.openaiHigh)]);
    await prepareImage(part, imageLimitPresets.openaiHigh);
    expect(loads.module).toBe(1);
    expect(loads.decodes).toBe(1);
    await prepareImage(part, imageLimitPresets.anthropic);
    expect(loads.decodes).toBe(2);
  });
});
