import { PythonTypeError, PythonValueError } from '../errors.js';
import { pythonTypeName } from '../python/values.js';

function coordinate(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  throw new PythonTypeError(`${what} must be a number, not '${pythonTypeName(value)}'`);
}

function pairOf(value: unknown, what: string): [number, number] {
  if (!Array.isArray(value) || value.length < 2) throw new PythonTypeError(`${what} must be an (x, y) pair, got '${pythonTypeName(value)}'`);
  return [coordinate(value[0], what), coordinate(value[1], what)];
}

function onSegment([px, py]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]): boolean {
  const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  if (cross !== 0) return false;
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/**
 * True when `point` lies strictly inside the polygon `zone` (shapely's `point.within(polygon)`: a point
 * on the border is not within). A zone needs at least three points.
 */
export function isPointInZone(point: unknown, zone: unknown): boolean {
  const target = pairOf(point, 'point');
  if (!Array.isArray(zone)) throw new PythonTypeError(`zone must be a list of points, not '${pythonTypeName(zone)}'`);
  const vertices = zone.map((vertex) => pairOf(vertex, 'zone point'));
  if (vertices.length < 3) throw new PythonValueError('A linearring requires at least 4 coordinates.');
  let inside = false;
  for (let index = 0, previous = vertices.length - 1; index < vertices.length; previous = index++) {
    const a = vertices[index]!;
    const b = vertices[previous]!;
    if (onSegment(target, a, b)) return false;
    if (a[1] > target[1] !== b[1] > target[1] && target[0] < ((b[0] - a[0]) * (target[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}
