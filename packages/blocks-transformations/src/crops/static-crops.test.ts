import { createEngine } from '@flow/engine';
import { WorkflowImage } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { transformationsPack } from '../pack.js';
import { gradientPng, pixelAt } from '../testing/gradient-image.js';
import { absoluteStaticCropV1 } from './absolute-static-crop.js';
import { roundHalfEven, numpySlice } from './geometry.js';
import { relativeStaticCropV1 } from './relative-static-crop.js';

const engine = createEngine({ packs: [transformationsPack] });
const context = {} as never;
const image = async (width: number, height: number) => WorkflowImage.fromBytes(await gradientPng(width, height), { parentId: 'input' });

describe('rounding and slicing as the reference', () => {
  it('rounds half to even like Python', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 0, -2, 2, 3]);
  });

  it('selects what numpy selects, negative indices included', () => {
    expect(numpySlice(2, 8, 10)).toEqual([2, 8]);
    expect(numpySlice(-3, 12, 10)).toEqual([7, 10]);
    expect(numpySlice(5, 3, 10)).toEqual([5, 3]);
  });
});

describe('absolute_static_crop@v1', () => {
  it('cuts the rectangle around the centre, clipped to the image, with crop lineage', async () => {
    const parent = await image(100, 60);
    const [result] = (await absoluteStaticCropV1.run({ images: [parent], x_center: 10, y_center: 30, width: 40, height: 20 } as never, context)) as Array<{ crops: WorkflowImage }>;
    const crop = result!.crops;
    expect([crop.width, crop.height]).toEqual([30, 20]);
    expect(crop.parentId).toMatch(/^absolute_static_crop\.[0-9a-f-]{36}$/);
    expect(crop.parentOrigin).toEqual({ offsetX: 0, offsetY: 20, width: 100, height: 60 });
    expect(crop.rootParentId).toBe('input');
    expect(await pixelAt(crop.bytes, 0, 0)).toEqual([0, 20, 20]);
  });

  it('gives null when the rectangle lies outside the image', async () => {
    const results = await absoluteStaticCropV1.run({ images: [await image(10, 10)], x_center: 100, y_center: 100, width: 4, height: 4 } as never, context);
    expect(results).toEqual([{ crops: null }]);
  });

  it('takes the legacy alias and the legacy property name `image`', () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowImage', name: 'image' }],
      steps: [{ type: 'AbsoluteStaticCrop', name: 'crop', image: '$inputs.image', x_center: 5, y_center: 5, width: 4, height: 4 }],
      outputs: [{ type: 'JsonField', name: 'crop', selector: '$steps.crop.crops' }],
    });
    expect(workflow.plan.steps[0]!.bindings.map((binding) => binding.property)).toContain('images');
    expect(engine.validate({ version: '1.0', inputs: [], steps: [{ type: 'AbsoluteStaticCrop', name: 'c', images: '$inputs.x', x_center: 0, y_center: 5, width: 4, height: 4 }], outputs: [] })).toMatchObject({ ok: false });
  });
});

describe('relative_static_crop@v1', () => {
  it('cuts a rectangle given as fractions of the image, under the reference type id and its aliases', async () => {
    const parent = await image(200, 100);
    const [result] = (await relativeStaticCropV1.run({ images: [parent], x_center: 0.5, y_center: 0.5, width: 0.25, height: 0.5 } as never, context)) as Array<{ crops: WorkflowImage }>;
    expect([result!.crops.width, result!.crops.height]).toEqual([50, 50]);
    expect(result!.crops.parentOrigin).toMatchObject({ offsetX: 75, offsetY: 25 });
    expect(await pixelAt(result!.crops.bytes, 0, 0)).toEqual([75, 25, 100]);
    for (const type of ['roboflow_core/relative_statoic_crop@v1', 'RelativeStaticCrop', 'roboflow_core/relative_static_crop@v1']) {
      expect(engine.registry.find(type)?.block).toBe(relativeStaticCropV1);
    }
  });

  it('gives null for an empty rectangle', async () => {
    expect(await relativeStaticCropV1.run({ images: [await image(10, 10)], x_center: 0.5, y_center: 0.5, width: 0, height: 0.5 } as never, context)).toEqual([{ crops: null }]);
  });
});
