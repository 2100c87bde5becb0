import { describe, expect, it } from 'vitest';
import { Detections } from './detections.js';
import { serializeDetections } from './serialize-detections.js';
import { toRootCoordinates } from './to-root-coordinates.js';

function onImage(rows: number, lineage: { parentId: string; rootParentId: string; parentXY?: [number, number]; rootXY?: [number, number] }) {
  const column = <T>(value: T) => Array.from({ length: rows }, () => value);
  return {
    class_name: column('dog'),
    detection_id: Array.from({ length: rows }, (_, index) => `id-${index}`),
    parent_id: column(lineage.parentId),
    root_parent_id: column(lineage.rootParentId),
    image_dimensions: column([480, 640]),
    parent_coordinates: column(lineage.parentXY ?? [0, 0]),
    parent_dimensions: column([480, 640]),
    root_parent_coordinates: column(lineage.rootXY ?? [0, 0]),
    root_parent_dimensions: column(lineage.rootXY ? [1080, 1920] : [480, 640]),
  };
}

describe('serializeDetections', () => {
  it('writes centre boxes in the reference key order', () => {
    const detections = new Detections([[200, 150, 320, 230]], [0.91], [1], onImage(1, { parentId: 'image', rootParentId: 'image' }));
    const wire = serializeDetections(detections);
    expect(JSON.stringify(wire)).toBe(
      '{"image":{"width":640,"height":480},"predictions":[{"width":120,"height":80,"x":260,"y":190,"confidence":0.91,"class_id":1,"class":"dog","detection_id":"id-0","parent_id":"image"}]}',
    );
  });

  it('gives null image size and no predictions for an empty set', () => {
    expect(serializeDetections(Detections.empty())).toEqual({ image: { width: null, height: null }, predictions: [] });
  });

  it('adds the crop lineage keys only for detections made on a crop', () => {
    const detections = new Detections([[0, 0, 10, 10]], [1], [0], onImage(1, { parentId: 'crop', rootParentId: 'root', parentXY: [5, 6], rootXY: [100, 200] }));
    const [prediction] = serializeDetections(detections).predictions;
    expect(Object.keys(prediction!)).toEqual(['width', 'height', 'x', 'y', 'confidence', 'class_id', 'class', 'detection_id', 'parent_id', 'parent_origin', 'root_parent_id', 'root_parent_origin']);
    expect(prediction!.parent_origin).toEqual({ offset_x: 5, offset_y: 6, width: 640, height: 480 });
    expect(prediction!.root_parent_origin).toEqual({ offset_x: 100, offset_y: 200, width: 1920, height: 1080 });
  });

  it('moves crop detections into root coordinates and leaves root detections alone', () => {
    const onCrop = new Detections([[1, 2, 11, 12]], [1], [0], onImage(1, { parentId: 'crop', rootParentId: 'root', rootXY: [100, 200] }));
    const moved = toRootCoordinates(onCrop);
    expect(moved.xyxy).toEqual([[101, 202, 111, 212]]);
    const wire = serializeDetections(moved);
    expect(wire.image).toEqual({ width: 1920, height: 1080 });
    expect(wire.predictions[0]!.parent_id).toBe('root');
    expect(wire.predictions[0]).not.toHaveProperty('parent_origin');
    const onRoot = new Detections([[1, 2, 3, 4]], [1], [0], onImage(1, { parentId: 'image', rootParentId: 'image' }));
    expect(toRootCoordinates(onRoot)).toBe(onRoot);
  });

  it('refuses columns of different lengths', () => {
    expect(() => new Detections([[0, 0, 1, 1]], [], [0])).toThrow(/differ in length/);
    expect(() => new Detections([[0, 0, 1, 1]], [1], [0], { class_name: [] })).toThrow(/"class_name" has 0 rows/);
  });
});
