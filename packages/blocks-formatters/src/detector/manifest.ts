import { literalOrSelector, selector } from '@flow/engine';
import { imageKind, languageModelOutputKind, listOfValuesKind } from '@flow/kinds';
import { z } from 'zod';
import { TASK_METADATA } from '../task-metadata.js';
import { DETECTOR_TASK_TYPES, findDetectionParser, type DetectorVersion } from './registry.js';

/** The second validation rule's message differs between versions (they are the reference's words). */
const missingClassesMessages: Record<DetectorVersion, string> = {
  1: 'Must pass list of classes to this block when using gemini or claude',
  2: 'Must pass list of classes to this block for every model type except florence-2',
};

/**
 * The detector's step properties. Besides field types, two rules apply in order (only the first broken
 * one is reported, as in the reference): the (model, task) pair must have a parser, and every model but
 * Florence-2 needs `classes` (only a missing/null value fails; an empty list or a selector passes).
 */
export function detectorManifest<const ModelTypes extends readonly [string, ...string[]]>(version: DetectorVersion, modelTypes: ModelTypes) {
  return z
    .object({
      image: selector([imageKind], { description: 'The image the model looked at; its size turns relative boxes into pixels and its lineage is attached to every detection.' }),
      vlm_output: selector([languageModelOutputKind], { title: 'VLM Output', description: "The model's raw answer: JSON, optionally inside a ```json fenced block (only the first such block is read)." }),
      classes: literalOrSelector(z.array(z.string()), [listOfValuesKind], {
        description: 'Class names in order; a label\'s position is its class id, labels not listed get -1. Required for every model type except Florence-2.',
      })
        .nullable()
        .optional(),
      model_type: z.enum(modelTypes).describe('Which model wrote the answer; each writes boxes its own way.'),
      task_type: z
        .enum(DETECTOR_TASK_TYPES)
        .describe('What the model was asked to do. Only Florence-2 supports tasks other than object-detection.')
        .meta({ values_metadata: Object.fromEntries(DETECTOR_TASK_TYPES.map((task) => [task, TASK_METADATA[task]])) }),
    })
    .superRefine((manifest, context) => {
      if (!findDetectionParser(version, manifest.model_type, manifest.task_type)) {
        context.addIssue({ code: 'custom', message: `Could not parse result of task ${manifest.task_type} for model ${manifest.model_type}` });
        return;
      }
      if (manifest.model_type !== 'florence-2' && (manifest.classes === null || manifest.classes === undefined)) {
        context.addIssue({ code: 'custom', path: ['classes'], message: missingClassesMessages[version] });
      }
    });
}
