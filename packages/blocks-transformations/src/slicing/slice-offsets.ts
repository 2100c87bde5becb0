/** `[xMin, yMin, xMax, yMax]` of one slice. */
export type SliceBox = [number, number, number, number];

function stride(slice: number, overlapRatio: number): number {
  // Python `int()` truncates towards zero.
  return slice - Math.trunc(overlapRatio * slice);
}

function starts(length: number, step: number): number[] {
  const result: number[] = [];
  for (let start = 0; start < length; start += step) result.push(start);
  return result;
}

/**
 * Slices of image_slicer@v1 (supervision's offsets): a grid from the top-left corner with the given overlap;
 * slices on the right and bottom edges are cut short by the image border. Rows first, as numpy's meshgrid.
 */
export function sliceOffsetsV1(imageWidth: number, imageHeight: number, sliceWidth: number, sliceHeight: number, overlapWidth: number, overlapHeight: number): SliceBox[] {
  const xs = starts(imageWidth, stride(sliceWidth, overlapWidth));
  const ys = starts(imageHeight, stride(sliceHeight, overlapHeight));
  return ys.flatMap((y) => xs.map((x): SliceBox => [x, y, Math.min(x + sliceWidth, imageWidth), Math.min(y + sliceHeight, imageHeight)]));
}

/**
 * Slices of image_slicer@v2: as v1, but slices at the border are pushed back inside the image so every slice
 * has the same size (at most the image's), and repeated slices are dropped.
 */
export function sliceOffsetsV2(imageWidth: number, imageHeight: number, sliceWidth: number, sliceHeight: number, overlapWidth: number, overlapHeight: number): SliceBox[] {
  const width = Math.min(sliceWidth, imageWidth);
  const height = Math.min(sliceHeight, imageHeight);
  const anchor = (start: number, size: number, length: number) => start - Math.min(Math.max(start + size - length, 0), size);
  const xs = starts(imageWidth, stride(width, overlapWidth)).map((x) => anchor(x, width, imageWidth));
  const ys = starts(imageHeight, stride(height, overlapHeight)).map((y) => anchor(y, height, imageHeight));
  const seen = new Set<string>();
  const result: SliceBox[] = [];
  for (const y of ys) {
    for (const x of xs) {
      const box: SliceBox = [x, y, Math.min(Math.max(x + width, 0), imageWidth), Math.min(Math.max(y + height, 0), imageHeight)];
      const key = box.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(box);
    }
  }
  return result;
}
