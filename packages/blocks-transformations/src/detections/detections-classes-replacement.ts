import { randomUUID } from 'node:crypto';
import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { classificationPredictionKind, DetectionColumn, Detections, integerKind, listOfValuesKind, stringKind } from '@flow/kinds';
import { takeRows } from '@flow/query-language';
import { z } from 'zod';
import { detectionKinds } from './detections-kinds.js';
import { extractLeadingClass, fallbackClassIdWhenUnset, type LeadingClass } from './extract-leading-class.js';

export interface DetectionsClassesReplacementInputs {
  object_detection_predictions: Detections | null;
  classification_predictions: unknown[] | null;
  fallback_class_name: string | null;
  fallback_class_id: number | null;
}

type Logger = { warn(message: string, fields?: Record<string, unknown>): void };

function withClasses(detections: Detections, rows: number[], classes: LeadingClass[]): Detections {
  const kept = takeRows(detections, rows);
  return new Detections(
    kept.xyxy,
    classes.map(([, , confidence]) => confidence),
    classes.map(([, classId]) => classId),
    { ...kept.data, [DetectionColumn.className]: classes.map(([name]) => name), [DetectionColumn.detectionId]: rows.map(() => randomUUID()) },
  );
}

/**
 * Gives each detection the class its crop was classified as (reference `DetectionsClassesReplacementBlockV1`).
 * Classification results find their detection by `parent_id` (the detection id the crop was cut for);
 * text results (from a VLM or OCR) go to detections in order. Detections left without a class are dropped,
 * unless a fallback class is set; every kept detection gets a new detection id.
 */
export function replaceDetectionsClasses(inputs: DetectionsClassesReplacementInputs, logger?: Logger): Detections | null {
  const { object_detection_predictions: detections, fallback_class_name: fallbackName, fallback_class_id: fallbackId } = inputs;
  let classifications = inputs.classification_predictions;
  if (detections === null || detections === undefined) return null;
  if (!classifications || classifications.length === 0) return Detections.empty();
  const firstPresent = classifications.find((prediction) => prediction !== null && prediction !== undefined);
  if (typeof firstPresent === 'string' || Array.isArray(firstPresent)) {
    if (detections.length !== classifications.length) {
      logger?.warn('Detections and text classifications differ in count; unmatched detections use the fallback class (if configured) or are dropped.', {
        detections: detections.length,
        classifications: classifications.length,
      });
      classifications = [...classifications, ...Array.from({ length: Math.max(0, detections.length - classifications.length) }, () => null)];
    }
    const rows: number[] = [];
    const classes: LeadingClass[] = [];
    for (let row = 0; row < detections.length; row++) {
      const prediction = classifications[row];
      let leading: LeadingClass | null;
      if (prediction === null || prediction === undefined) {
        leading = fallbackName ? [fallbackName, fallbackId === null || fallbackId === undefined || fallbackId < 0 ? fallbackClassIdWhenUnset : fallbackId, 0] : null;
      } else {
        leading = extractLeadingClass(prediction, fallbackName, fallbackId);
      }
      if (leading === null) continue;
      rows.push(row);
      classes.push(leading);
    }
    return rows.length === 0 ? Detections.empty() : withClasses(detections, rows, classes);
  }
  const results = classifications as Array<Record<string, unknown> | null>;
  if (results.every((result) => result === null || ('top' in result && !result.top) || !('predictions' in result))) return Detections.empty();
  const byParent = new Map<unknown, LeadingClass | null>();
  for (const result of results) {
    if (result !== null) byParent.set(result.parent_id, extractLeadingClass(result, fallbackName, fallbackId));
  }
  const ids = detections.data[DetectionColumn.detectionId] ?? [];
  const rows: number[] = [];
  const classes: LeadingClass[] = [];
  ids.forEach((id, row) => {
    const leading = byParent.get(id);
    if (leading) {
      rows.push(row);
      classes.push(leading);
    }
  });
  return withClasses(detections, rows, classes);
}

const manifest = z.object({
  object_detection_predictions: selector(detectionKinds, { title: 'Regions of Interest', description: 'The detections whose classes are replaced (the ones the crops were cut for).' }),
  classification_predictions: selector([classificationPredictionKind, listOfValuesKind, stringKind], {
    title: 'Replacement Class Labels',
    description: 'The classification of each crop, one level deeper than the detections (the crops of each image).',
  }),
  fallback_class_name: literalOrSelector(z.string().nullable(), [stringKind], { title: 'Fallback class name', description: 'Class for detections whose crop got no class.' })
    .nullable()
    .default(null),
  fallback_class_id: literalOrSelector(z.number().int().nullable(), [integerKind], { title: 'Fallback class id', description: 'Class id for the fallback class (unset or negative: the largest id).' })
    .nullable()
    .default(null),
});

/** `roboflow_core/detections_classes_replacement@v1` (alias `DetectionsClassesReplacement`): detections take the classes their crops were classified as. */
export const detectionsClassesReplacementV1 = defineBlock<DetectionsClassesReplacementInputs, typeof manifest>({
  type: 'roboflow_core/detections_classes_replacement@v1',
  aliases: ['DetectionsClassesReplacement'],
  name: 'Detections Classes Replacement',
  blockType: 'fusion',
  shortDescription: 'Replace classes of detections with classes predicted by a chained classification model.',
  longDescription:
    'Takes detections and the classifications of the crops cut for them (one dimensionality level deeper), and gives each detection the leading class of its crop: class name, class id and confidence. Detections whose crop has no class are dropped unless a fallback class is set. Text answers (a string or a list of strings per crop) work too.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'advanced', icon: 'fal fa-arrow-right-arrow-left', blockPriority: 5 } },
  manifest,
  outputs: { predictions: detectionKinds },
  acceptsEmptyValues: true,
  inputDimensionalityOffsets: { object_detection_predictions: 0, classification_predictions: 1 },
  dimensionalityReferenceProperty: 'object_detection_predictions',
  run: (inputs, context) => ({ predictions: replaceDetectionsClasses(inputs, context.logger) }),
});
