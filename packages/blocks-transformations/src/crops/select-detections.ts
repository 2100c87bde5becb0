import { Detections, type Box } from '@flow/kinds';

/** The rows of `detections` at `rows`, in that order, with every data column. */
export function selectRows(detections: Detections, rows: readonly number[]): Detections {
  const data: Record<string, unknown[]> = {};
  for (const [name, column] of Object.entries(detections.data)) data[name] = rows.map((row) => column[row]);
  return new Detections(
    rows.map((row) => [...detections.xyxy[row]!] as Box),
    rows.map((row) => detections.confidence[row]!),
    rows.map((row) => detections.classId[row]!),
    data,
  );
}

/** Boxes, and polygon points when present, shifted by `dx`, `dy`. */
export function moveDetections(detections: Detections, dx: number, dy: number): Detections {
  const moved = detections.withBoxes(detections.xyxy.map(([x1, y1, x2, y2]): Box => [x1 + dx, y1 + dy, x2 + dx, y2 + dy]));
  const polygons = detections.data.polygon as Array<Array<[number, number]>> | undefined;
  if (!polygons) return moved;
  return moved.withData({ polygon: polygons.map((points) => points?.map(([x, y]) => [x + dx, y + dy] as [number, number])) });
}

/** All rows of several sets, one after another; a column missing from some set is filled with undefined. */
export function mergeDetections(sets: readonly Detections[]): Detections {
  if (sets.length === 0) return Detections.empty();
  const names = new Set(sets.flatMap((set) => Object.keys(set.data)));
  const data: Record<string, unknown[]> = {};
  for (const name of names) data[name] = sets.flatMap((set) => set.data[name] ?? new Array<unknown>(set.length).fill(undefined));
  return new Detections(
    sets.flatMap((set) => set.xyxy),
    sets.flatMap((set) => set.confidence),
    sets.flatMap((set) => set.classId),
    data,
  );
}
