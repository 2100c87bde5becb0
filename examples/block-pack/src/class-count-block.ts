import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { dictionaryKind, floatZeroToOneKind, instanceSegmentationPredictionKind, integerKind, objectDetectionPredictionKind, type Detections } from '@flow/kinds';
import { z } from 'zod';

/** What `run` receives: selectors already resolved to runtime values, defaults filled in. */
export interface ClassCountInputs {
  predictions: Detections;
  min_confidence: number;
}

/**
 * Counts detections per class name, keeping those at or above `min_confidence`. Element-wise: the
 * engine calls `run` once per image of a batch.
 */
export const classCountBlock = defineBlock<ClassCountInputs>({
  type: 'acme/class_count@v1',
  name: 'Class Count',
  blockType: 'analytics',
  shortDescription: 'Counts detections per class.',
  longDescription: 'Counts the detections of each class name (sorted by name) and in total, keeping only those whose confidence is at least `min_confidence`.',
  license: 'Apache-2.0',
  manifest: z.object({
    predictions: selector([objectDetectionPredictionKind, instanceSegmentationPredictionKind], { description: 'Detections to count.' }),
    min_confidence: literalOrSelector(z.number().min(0).max(1), [floatZeroToOneKind], { description: 'Detections below this confidence are not counted.' }).default(0),
  }),
  outputs: { counts: [dictionaryKind], total: [integerKind] },
  run: ({ predictions, min_confidence }) => {
    const names = predictions.className ?? [];
    const counts: Record<string, number> = {};
    let total = 0;
    for (let row = 0; row < predictions.length; row++) {
      if (predictions.confidence[row]! < min_confidence) continue;
      const name = names[row] ?? String(predictions.classId[row]);
      counts[name] = (counts[name] ?? 0) + 1;
      total++;
    }
    const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { counts: sorted, total };
  },
});
