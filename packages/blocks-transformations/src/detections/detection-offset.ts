import { randomUUID } from 'node:crypto';
import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { DetectionColumn, Detections, integerKind, type Box } from '@flow/kinds';
import { copyDetections } from '@flow/query-language';
import { z } from 'zod';
import { detectionKinds } from './detections-kinds.js';

export interface DetectionOffsetInputs {
  predictions: Detections;
  offset_width: number;
  offset_height: number;
  units: 'Percent (%)' | 'Pixels';
}

type Pair = [number, number];

/**
 * Every box grown by `offsetWidth` x `offsetHeight` (pixels, halves floored; or percent of the box,
 * halves truncated), kept inside the image; each detection becomes the parent of its grown copy.
 */
export function offsetDetections(detections: Detections, offsetWidth: number, offsetHeight: number, usePercentage = false): Detections {
  if (detections.length === 0) return detections;
  const dimensions = detections.data[DetectionColumn.imageDimensions] as Pair[] | undefined;
  if (dimensions === undefined) throw new Error('detection_offset needs the image_dimensions of the detections, which these detections do not carry');
  const boxes = detections.xyxy.map(([x1, y1, x2, y2], row): Box => {
    const [height, width] = dimensions[row]!;
    const dx = usePercentage ? Math.trunc(((x2 - x1) * offsetWidth) / 200) : Math.floor(offsetWidth / 2);
    const dy = usePercentage ? Math.trunc(((y2 - y1) * offsetHeight) / 200) : Math.floor(offsetHeight / 2);
    return [Math.max(0, x1 - dx), Math.max(0, y1 - dy), Math.min(width, x2 + dx), Math.min(height, y2 + dy)];
  });
  const ids = detections.data[DetectionColumn.detectionId];
  return copyDetections(detections)
    .withBoxes(boxes)
    .withData({
      ...(ids ? { [DetectionColumn.parentId]: [...ids] } : {}),
      [DetectionColumn.detectionId]: detections.xyxy.map(() => randomUUID()),
    });
}

const positiveInteger = () => z.number().int().gt(0);

const manifest = z.object({
  predictions: selector(detectionKinds, { description: 'The detections to grow.' }),
  offset_width: literalOrSelector(positiveInteger(), [integerKind], { description: 'How much wider each box gets (pixels or percent of the box).' }),
  offset_height: literalOrSelector(positiveInteger(), [integerKind], { description: 'How much taller each box gets (pixels or percent of the box).' }),
  units: z.enum(['Percent (%)', 'Pixels']).default('Pixels'),
});

/** `roboflow_core/detection_offset@v1` (alias `DetectionOffset`; `offset_x` / `offset_y` name the offsets too). */
export const detectionOffsetV1 = defineBlock<DetectionOffsetInputs, typeof manifest>({
  type: 'roboflow_core/detection_offset@v1',
  aliases: ['DetectionOffset'],
  name: 'Detection Offset',
  blockType: 'transformation',
  shortDescription: 'Apply a padding around the width and height of detections.',
  longDescription:
    'Grows every bounding box by offset_width and offset_height (half on each side) in pixels or in percent of the box, clipped to the image. Each grown detection gets a new detection id, and its parent_id becomes the id of the detection it grew from.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'transformation', icon: 'fal fa-distribute-spacing-horizontal', blockPriority: 3 } },
  manifest,
  propertyAliases: { offset_x: 'offset_width', offset_y: 'offset_height' },
  outputs: { predictions: detectionKinds },
  run: ({ predictions, offset_width, offset_height, units }) => ({
    predictions: offsetDetections(predictions, offset_width, offset_height, units === 'Percent (%)'),
  }),
});
