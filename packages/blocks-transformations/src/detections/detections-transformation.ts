import { defineBlock, selector } from '@flow/engine';
import { Detections, wildcardKind } from '@flow/kinds';
import { compileOperations, defaultOperandName, operationsSchema, type OperationDefinition } from '@flow/query-language';
import { z } from 'zod';
import { detectionKinds } from './detections-kinds.js';

export interface DetectionsTransformationInputs {
  predictions: Detections;
  operations: OperationDefinition[];
  operations_parameters: Record<string, unknown>;
}

const manifest = (operationsDescription: string) =>
  z.object({
    predictions: selector(detectionKinds, { description: 'The detections to transform.' }),
    operations: operationsSchema(operationsDescription),
    operations_parameters: z
      .record(
        z.string().refine((name) => name !== defaultOperandName, { message: `"${defaultOperandName}" is reserved for the detection under test` }),
        selector([wildcardKind]),
      )
      .default({})
      .meta({ description: 'Parameter name to the value the operations refer to by that name.' }),
  });

/** Applies the operations to one element's detections; the chain must give detections back. */
function transform(step: string, { predictions, operations, operations_parameters }: DetectionsTransformationInputs) {
  const result = compileOperations(operations)(predictions, { ...operations_parameters });
  if (!(result instanceof Detections)) {
    throw new Error(`The operations of \`${step}\` turn detections into ${result === null ? 'null' : typeof result}, which is not allowed: they must give detections back.`);
  }
  return { predictions: result };
}

function detectionsBlock(options: { type: string; alias: string; name: string; shortDescription: string; longDescription: string; operationsDescription: string; icon: string; section: string; priority: number }) {
  const schema = manifest(options.operationsDescription);
  return defineBlock<DetectionsTransformationInputs, typeof schema>({
    type: options.type,
    aliases: [options.alias],
    name: options.name,
    blockType: 'transformation',
    shortDescription: options.shortDescription,
    longDescription: options.longDescription,
    license: 'Apache-2.0',
    executionEngineCompatibility: '>=1.3.0,<2.0.0',
    schemaExtra: { ui_manifest: { section: options.section, icon: options.icon, blockPriority: options.priority } },
    manifest: schema,
    outputs: { predictions: detectionKinds },
    run: (inputs, context) => transform(context.step.name, inputs),
  });
}

/** `roboflow_core/detections_transformation@v1` (alias `DetectionsTransformation`). */
export const detectionsTransformationV1 = detectionsBlock({
  type: 'roboflow_core/detections_transformation@v1',
  alias: 'DetectionsTransformation',
  name: 'Detections Transformation',
  shortDescription: 'Apply transformations on detected bounding boxes.',
  longDescription:
    'Applies query-language operations to detections (DetectionsFilter, DetectionsOffset, DetectionsShift, DetectionsRename, SortDetections, DetectionsSelection, PickDetectionsByParentClass, ...). operations_parameters give the operations named values; the result must still be detections.',
  operationsDescription: 'Operations applied to the detections in order; the result must still be detections.',
  icon: 'fal fa-expand',
  section: 'transformation',
  priority: 4,
});

/** `roboflow_core/detections_filter@v1` (alias `DetectionsFilter`). */
export const detectionsFilterV1 = detectionsBlock({
  type: 'roboflow_core/detections_filter@v1',
  alias: 'DetectionsFilter',
  name: 'Detections Filter',
  shortDescription: 'Conditionally filter out model predictions.',
  longDescription:
    'Keeps the detections a query-language condition holds for: usually one DetectionsFilter operation whose statements test each detection (bound to `_`) against operations_parameters.',
  operationsDescription: 'Filtering operations (usually one DetectionsFilter) applied to the detections in order.',
  icon: 'far fa-filter',
  section: 'flow_control',
  priority: 1,
});
