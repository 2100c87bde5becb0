import { Detections } from '@flow/kinds';

/** The rows at `indices`, in that order (supervision's `detections[indices]`). */
export function takeRows(detections: Detections, indices: readonly number[]): Detections {
  const data: Record<string, unknown[]> = {};
  for (const [name, column] of Object.entries(detections.data)) data[name] = indices.map((index) => column[index]);
  return new Detections(
    indices.map((index) => [...detections.xyxy[index]!] as Detections['xyxy'][number]),
    indices.map((index) => detections.confidence[index]!),
    indices.map((index) => detections.classId[index]!),
    data,
  );
}

/** The rows where `mask` is true (supervision's boolean indexing). */
export function keepRows(detections: Detections, mask: readonly boolean[]): Detections {
  const indices: number[] = [];
  mask.forEach((keep, index) => {
    if (keep) indices.push(index);
  });
  return takeRows(detections, indices);
}

/** All rows of `sets` one after another (supervision's `Detections.merge`); data columns must agree. */
export function concatenateRows(sets: readonly Detections[]): Detections {
  const nonEmpty = sets.filter((set) => set.length > 0);
  if (nonEmpty.length === 0) return Detections.empty();
  const names = Object.keys(nonEmpty[0]!.data);
  for (const set of nonEmpty) {
    const other = Object.keys(set.data);
    if (other.length !== names.length || other.some((name) => !names.includes(name))) {
      throw new Error(`Cannot merge detections with different data columns: [${names.join(', ')}] and [${other.join(', ')}]`);
    }
  }
  const data: Record<string, unknown[]> = {};
  for (const name of names) data[name] = nonEmpty.flatMap((set) => set.data[name]!);
  return new Detections(
    nonEmpty.flatMap((set) => set.xyxy.map((box) => [...box] as Detections['xyxy'][number])),
    nonEmpty.flatMap((set) => set.confidence),
    nonEmpty.flatMap((set) => set.classId),
    data,
  );
}

/** A deep-enough copy: new column arrays, so changing the copy never touches the original. */
export function copyDetections(detections: Detections): Detections {
  return takeRows(detections, Array.from({ length: detections.length }, (_, index) => index));
}
