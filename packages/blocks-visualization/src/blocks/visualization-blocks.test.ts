import { readFile } from 'node:fs/promises';
import { WorkflowCompilationError } from '@flow/engine';
import { WorkflowImage } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { expectedImages } from '../test-support/expected-images.js';
import { differingPixelShare, engine, fixturePath, pixelAt, petsPath, rgbPixels, visualizePets } from '../test-support/fixtures.js';

describe('against stored expected pictures (pets.png)', () => {
  for (const [name, { step, predictions }] of Object.entries(expectedImages)) {
    it(`${name} matches within tolerance`, async () => {
      const image = await visualizePets(step, predictions);
      const share = await differingPixelShare(image.bytes, await readFile(fixturePath(name)));
      // Anti-aliased glyph edges may differ by a few levels between libvips builds; shapes may not.
      expect(share).toBeLessThan(0.002);
    });
  }

  it('a drawing that differs is caught by the comparison', async () => {
    const moved = await visualizePets({ type: 'roboflow_core/label_visualization@v1', text: 'Class and Confidence', text_scale: 0.6, text_padding: 4, border_radius: 3, text_position: 'BOTTOM_LEFT' });
    expect(await differingPixelShare(moved.bytes, await readFile(fixturePath('pets.boxes-and-labels.png')))).toBeGreaterThan(0.01);
  });
});

describe('roboflow_core/bounding_box_visualization@v1', () => {
  it('outlines each box in its class colour from the DEFAULT palette, leaving the inside untouched', async () => {
    const original = await readFile(petsPath);
    const image = await visualizePets({ type: 'roboflow_core/bounding_box_visualization@v1', thickness: 4 });
    // dog: class 1 -> #FF4040 on its left edge x=22; cat: class 0 -> #A351FB on its top edge y=40.
    expect(await pixelAt(image.bytes, 22, 120)).toEqual([255, 64, 64]);
    expect(await pixelAt(image.bytes, 240, 40)).toEqual([163, 81, 251]);
    expect(await pixelAt(image.bytes, 80, 130)).toEqual(await pixelAt(original, 80, 130));
    expect(await pixelAt(image.bytes, 10, 10)).toEqual(await pixelAt(original, 10, 10));
  });

  it('returns a new PNG image of the same size with the lineage of its input', async () => {
    const image = await visualizePets({ type: 'roboflow_core/bounding_box_visualization@v1' });
    expect(image).toBeInstanceOf(WorkflowImage);
    expect([image.format, image.width, image.height, image.parentId, image.rootParentId]).toEqual(['png', 320, 240, 'image', 'image']);
  });

  it('colours by index with color_axis INDEX and by custom colours with CUSTOM', async () => {
    const image = await visualizePets({ type: 'roboflow_core/bounding_box_visualization@v1', color_palette: 'CUSTOM', custom_colors: ['#00FF00', 'rgb(0, 0, 255)'], color_axis: 'INDEX' });
    expect(await pixelAt(image.bytes, 22, 120)).toEqual([0, 255, 0]);
    expect(await pixelAt(image.bytes, 180, 100)).toEqual([0, 0, 255]);
  });

  it('rejects bad properties at compile time with the step and property named', () => {
    const compile = (step: Record<string, unknown>) => () =>
      engine.compile({
        version: '1.0',
        inputs: [{ type: 'WorkflowImage', name: 'image' }],
        steps: [{ type: 'test_visualization/pets@v1', name: 'pets', image: '$inputs.image' }, { type: 'roboflow_core/bounding_box_visualization@v1', name: 'draw', image: '$inputs.image', predictions: '$steps.pets.predictions', ...step }],
        outputs: [{ type: 'JsonField', name: 'image', selector: '$steps.draw.image' }],
      });
    expect(compile({ color_palette: 'Sunset' })).toThrow(WorkflowCompilationError);
    expect(compile({ roundness: 1.5 })).toThrow(/roundness/);
    expect(compile({ thickness: 2.5 })).toThrow(/thickness/);
    expect(compile({ predictions: '$steps.pets.classification' })).toThrow(/predictions/);
    expect(compile({ type: 'BoundingBoxVisualization' })).not.toThrow();
  });
});

describe('roboflow_core/label_visualization@v1', () => {
  it('puts a TOP_LEFT label on a background of the box colour just above the box, with white text', async () => {
    const image = await visualizePets({ type: 'roboflow_core/label_visualization@v1', text: 'Class', text_padding: 6 });
    // Background of the dog label: x from 22, ending at y = 60 (the box top); a pixel of it near its right end.
    expect(await pixelAt(image.bytes, 24, 58)).toEqual([255, 64, 64]);
    const { data, width } = await rgbPixels(image.bytes);
    let white = 0;
    for (let y = 60 - 34; y < 60; y++) for (let x = 22; x < 80; x++) if (data[(y * width + x) * 3] === 255 && data[(y * width + x) * 3 + 1] === 255 && data[(y * width + x) * 3 + 2] === 255) white++;
    expect(white).toBeGreaterThan(40); // the glyphs of "dog"
  });

  it('hands back the input image when there is nothing to label', async () => {
    const original = WorkflowImage.fromBytes(await readFile(petsPath), { parentId: 'image' });
    const { labelVisualizationV1 } = await import('./label-visualization.js');
    const { Detections } = await import('@flow/kinds');
    const result = await labelVisualizationV1.run(
      { image: original, copy_image: true, predictions: Detections.empty(), color_palette: 'DEFAULT', palette_size: 10, custom_colors: [], color_axis: 'CLASS', text: 'Class', text_position: 'TOP_LEFT', text_color: 'WHITE', text_scale: 1, text_thickness: 1, text_padding: 10, border_radius: 0 },
      {} as never,
    );
    expect((result as { image: WorkflowImage }).image).toBe(original);
  });

  it('fails the step with a clear message for an unknown text colour', async () => {
    await expect(visualizePets({ type: 'roboflow_core/label_visualization@v1', text_color: 'ochre' })).rejects.toThrow(/Invalid color: ochre/);
  });
});

describe('roboflow_core/polygon_visualization@v1', () => {
  it('accepts only segmentation predictions', () => {
    expect(() =>
      engine.compile({
        version: '1.0',
        inputs: [{ type: 'WorkflowImage', name: 'image' }],
        steps: [{ type: 'test_visualization/pets@v1', name: 'pets', image: '$inputs.image' }, { type: 'roboflow_core/polygon_visualization@v1', name: 'draw', image: '$inputs.image', predictions: '$steps.pets.predictions' }],
        outputs: [{ type: 'JsonField', name: 'image', selector: '$steps.draw.image' }],
      }),
    ).toThrow(/instance_segmentation_prediction/);
  });
});

describe('roboflow_core/classification_label_visualization@v1', () => {
  it('writes the top class of a single-label prediction', async () => {
    const image = await visualizePets({ type: 'roboflow_core/classification_label_visualization@v1', text_position: 'TOP_LEFT' }, 'classification');
    // dog has class id 1: its label background is #FF4040, starting at the left edge.
    expect(await pixelAt(image.bytes, 1, 40)).toEqual([255, 64, 64]);
  });
});
