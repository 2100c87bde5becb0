import type { Detections } from '@flow/kinds';
import { pythonFixed } from './python-fixed.js';

/** The `text` choices of label_visualization@v1; any other string names a data column. */
export const DETECTION_LABEL_TEXTS = ['Class', 'Confidence', 'Class and Confidence', 'Index', 'Dimensions', 'Area', 'Area (mask)', 'Area (converted)', 'Tracker Id', 'Time In Zone'] as const;

function pythonRound2(value: number): number {
  return Number(pythonFixed(value, 2));
}

/** Per-detection label text, as the reference's `build_detection_labels` writes it. */
export function detectionLabels(detections: Detections, text: string): string[] {
  const rows = detections.length;
  const column = (name: string) => detections.data[name];
  const each = (make: (row: number) => string) => Array.from({ length: rows }, (_, row) => make(row));
  switch (text) {
    case 'Class':
      return each((row) => String(detections.className?.[row] ?? ''));
    case 'Confidence':
      return each((row) => pythonFixed(detections.confidence[row]!, 2));
    case 'Class and Confidence':
      if (!detections.className) return each((row) => pythonFixed(detections.confidence[row]!, 2));
      return each((row) => `${detections.className![row]} ${pythonFixed(detections.confidence[row]!, 2)}`);
    case 'Index':
      return each((row) => String(row));
    case 'Dimensions':
      return each((row) => {
        const [x1, y1, x2, y2] = detections.xyxy[row]!;
        return `${Math.trunc((x1 + x2) / 2)}, ${Math.trunc((y1 + y2) / 2)} ${Math.trunc(x2 - x1)}x${Math.trunc(y2 - y1)}`;
      });
    case 'Area':
      return each((row) => {
        const [x1, y1, x2, y2] = detections.xyxy[row]!;
        return String(Math.trunc((x2 - x1) * (y2 - y1)));
      });
    case 'Tracker Id': {
      const ids = column('tracker_id');
      return each((row) => (ids?.[row] === undefined || ids[row] === null ? 'No Tracker ID' : String(ids[row])));
    }
    case 'Time In Zone': {
      const times = column('time_in_zone');
      return each((row) => {
        const time = times?.[row];
        if (typeof time !== 'number' || time === 0) return 'In zone: N/A';
        const rounded = pythonRound2(time);
        return `In zone: ${Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded)}s`;
      });
    }
    case 'Area (mask)':
    case 'Area (converted)': {
      const [key, title] = text === 'Area (mask)' ? ['area_px', 'Area (mask)'] : ['area_converted', 'Area (conv)'];
      const areas = column(key);
      return each((row) => (typeof areas?.[row] === 'number' ? `${title}: ${pythonFixed(areas[row] as number, 2)}` : `${title}: N/A`));
    }
    default: {
      const values = column(text);
      if (!values) throw new Error(`Invalid text type: ${text}`);
      return each((row) => (values[row] ? String(values[row]) : ''));
    }
  }
}
