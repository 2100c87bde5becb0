import type { Detections } from '@flow/kinds';
import type { Rgb } from './colors.js';
import { paletteColor } from './palettes.js';

/** The colour of each detection by class id, index or tracker id (supervision's `ColorLookup`). */
export function detectionColors(detections: Detections, palette: readonly Rgb[], axis: 'INDEX' | 'CLASS' | 'TRACK'): Rgb[] {
  const trackers = detections.data.tracker_id;
  return Array.from({ length: detections.length }, (_, row) => {
    if (axis === 'INDEX') return paletteColor(palette, row);
    if (axis === 'CLASS') return paletteColor(palette, detections.classId[row]!);
    const tracker = trackers?.[row];
    if (typeof tracker !== 'number') throw new Error('color_axis TRACK needs tracker ids on the detections (run a tracker first), or choose CLASS or INDEX.');
    return paletteColor(palette, tracker);
  });
}
