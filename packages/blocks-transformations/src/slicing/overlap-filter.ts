import type { Box, Detections } from '@flow/kinds';
import { selectRows } from '../crops/select-detections.js';

function area([x1, y1, x2, y2]: Box): number {
  return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
}

export function boxIou(a: Box, b: Box): number {
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  return intersection / (area(a) + area(b) - intersection);
}

/** Row indices by confidence, highest first; ties keep numpy's `flip(argsort())` order (later row first). */
function byConfidenceDescending(detections: Detections): number[] {
  const rows = detections.confidence.map((_, row) => row);
  rows.sort((a, b) => detections.confidence[a]! - detections.confidence[b]! || a - b);
  return rows.reverse();
}

/**
 * supervision's `with_nms` (class-aware): walking from the most confident box, drops every box of the same
 * class overlapping a kept one by more than `threshold` IoU. Kept rows stay in their original order.
 */
export function nonMaxSuppression(detections: Detections, threshold: number): Detections {
  const order = byConfidenceDescending(detections);
  const keep = new Array<boolean>(detections.length).fill(true);
  for (const row of order) {
    if (!keep[row]) continue;
    for (const other of order) {
      if (other === row || !keep[other] || detections.classId[other] !== detections.classId[row]) continue;
      if (boxIou(detections.xyxy[row]!, detections.xyxy[other]!) > threshold) keep[other] = false;
    }
  }
  return selectRows(detections, keep.flatMap((kept, row) => (kept ? [row] : [])));
}

/**
 * supervision's `with_nmm` (class-aware non-max merge): boxes of a class that overlap the most confident
 * remaining one by at least `threshold` IoU merge into it: their union box, an area-weighted confidence, and the
 * data of the most confident member.
 */
export function nonMaxMerge(detections: Detections, threshold: number): Detections {
  const classes = [...new Set(detections.classId)];
  const boxes: Box[] = [];
  const confidence: number[] = [];
  const winners: number[] = [];
  for (const classId of classes) {
    let remaining = detections.classId.flatMap((id, row) => (id === classId ? [row] : []));
    remaining.sort((a, b) => detections.confidence[a]! - detections.confidence[b]! || a - b);
    while (remaining.length > 0) {
      const top = remaining.pop()!;
      const group = [top, ...remaining.filter((row) => boxIou(detections.xyxy[row]!, detections.xyxy[top]!) >= threshold).reverse()];
      remaining = remaining.filter((row) => !group.includes(row));
      let box = [...detections.xyxy[top]!] as Box;
      let score = detections.confidence[top]!;
      for (const member of group.slice(1)) {
        const other = detections.xyxy[member]!;
        if (boxIou(box, other) < threshold) break;
        const [areaA, areaB] = [area(box), area(other)];
        score = areaA + areaB > 0 ? (areaA * score + areaB * detections.confidence[member]!) / (areaA + areaB) : score;
        box = [Math.min(box[0], other[0]), Math.min(box[1], other[1]), Math.max(box[2], other[2]), Math.max(box[3], other[3])];
      }
      boxes.push(box);
      confidence.push(score);
      winners.push(top);
    }
  }
  const merged = selectRows(detections, winners);
  return new (merged.constructor as typeof Detections)(boxes, confidence, merged.classId, merged.data);
}
