import { readFile } from 'node:fs/promises';
import { Detections, WorkflowImage } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { polygonVisualizationV1 } from '../blocks/polygon-visualization.js';
import { petsPath, pixelAt } from '../test-support/fixtures.js';
import { drawOverlay } from './draw-overlay.js';

describe('drawOverlay', () => {
  it('keeps the lineage of a crop: parent, root and both origins', async () => {
    const crop = WorkflowImage.fromBytes(await readFile(petsPath), {
      parentId: 'image.[0]',
      parentOrigin: { offsetX: 10, offsetY: 20, width: 320, height: 240 },
      rootParentId: 'image',
      rootParentOrigin: { offsetX: 30, offsetY: 40, width: 320, height: 240 },
    });
    const drawn = await drawOverlay(crop, '<rect x="0" y="0" width="5" height="5" fill="#00ff00"/>');
    expect([drawn.parentId, drawn.rootParentId, drawn.parentOrigin, drawn.rootParentOrigin, drawn.isCrop]).toEqual([crop.parentId, crop.rootParentId, crop.parentOrigin, crop.rootParentOrigin, true]);
    expect(await pixelAt(drawn.bytes, 2, 2)).toEqual([0, 255, 0]);
    expect(drawn.bytes).not.toBe(crop.bytes);
  });

  it('writes JPEG for a JPEG input', async () => {
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp(await readFile(petsPath)).jpeg().toBuffer();
    const drawn = await drawOverlay(WorkflowImage.fromBytes(jpeg, { parentId: 'image' }), '');
    expect(drawn.format).toBe('jpeg');
  });
});

describe('roboflow_core/polygon_visualization@v1', () => {
  const run = async (detections: Detections) => {
    const image = WorkflowImage.fromBytes(await readFile(petsPath), { parentId: 'image' });
    const result = await polygonVisualizationV1.run(
      { image, copy_image: true, predictions: detections, color_palette: 'CUSTOM', palette_size: 10, custom_colors: ['#00FF00'], color_axis: 'CLASS', thickness: 3 },
      {} as never,
    );
    return (result as { image: WorkflowImage }).image;
  };

  it('outlines the polygon data column of each detection', async () => {
    const triangle = [[50, 50], [150, 50], [100, 150]];
    const image = await run(new Detections([[50, 50, 150, 150]], [0.9], [0], { class_name: ['thing'], polygon: [triangle] }));
    expect(await pixelAt(image.bytes, 100, 50)).toEqual([0, 255, 0]); // top edge
    expect(await pixelAt(image.bytes, 75, 100)).toEqual([0, 255, 0]); // left slanted edge
    expect(await pixelAt(image.bytes, 50, 140)).not.toEqual([0, 255, 0]); // the box corner is not drawn
  });

  it('falls back to the box outline when a detection has no polygon', async () => {
    const image = await run(new Detections([[50, 50, 150, 150]], [0.9], [0], { class_name: ['thing'] }));
    expect(await pixelAt(image.bytes, 50, 140)).toEqual([0, 255, 0]);
  });
});
