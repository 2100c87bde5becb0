import { DetectionColumn, type Box, Detections } from './detections.js';

type Pair = [number, number];

/**
 * Moves detections made on a crop into the coordinates of the workflow input they descend from
 * (`coordinates_system: "parent"`, reference §7.3). Detections already in root coordinates, empty
 * sets and sets without root metadata come back unchanged.
 */
export function toRootCoordinates(detections: Detections): Detections {
  if (detections.length === 0) return detections;
  const data = detections.data;
  const rootIds = data[DetectionColumn.rootParentId];
  const rootCoordinates = data[DetectionColumn.rootParentCoordinates] as Pair[] | undefined;
  const rootDimensions = data[DetectionColumn.rootParentDimensions] as Pair[] | undefined;
  const imageDimensions = data[DetectionColumn.imageDimensions] as Pair[] | undefined;
  if (!rootIds || !rootCoordinates || !rootDimensions) return detections;
  const [shiftX, shiftY] = rootCoordinates[0]!;
  const sameSize =
    imageDimensions !== undefined &&
    imageDimensions.every((dims, row) => dims[0] === rootDimensions[row]![0] && dims[1] === rootDimensions[row]![1]);
  if (shiftX === 0 && shiftY === 0 && sameSize && sameIds(data[DetectionColumn.parentId], rootIds)) return detections;
  const boxes = detections.xyxy.map(([x1, y1, x2, y2]): Box => [x1 + shiftX, y1 + shiftY, x2 + shiftX, y2 + shiftY]);
  return detections.withBoxes(boxes).withData({
    [DetectionColumn.parentId]: [...rootIds],
    [DetectionColumn.parentCoordinates]: rootCoordinates.map((pair) => [...pair]),
    [DetectionColumn.parentDimensions]: rootDimensions.map((pair) => [...pair]),
    [DetectionColumn.imageDimensions]: rootDimensions.map((pair) => [...pair]),
  });
}

function sameIds(parentIds: unknown[] | undefined, rootIds: unknown[]): boolean {
  return parentIds !== undefined && parentIds.every((id, row) => id === rootIds[row]);
}
