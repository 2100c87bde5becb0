import { defineBlock, selector } from '@flow/engine';
import { wildcardKind } from '@flow/kinds';
import { compileOperations, operationsSchema, type OperationDefinition } from '@flow/query-language';
import { z } from 'zod';

export interface PropertyDefinitionInputs {
  data: unknown;
  operations: OperationDefinition[];
}

const manifest = z.object({
  data: selector([wildcardKind], { description: 'The value to extract a property from (detections, a classification, an image, text ...).' }),
  operations: operationsSchema('Operations applied to data in order, each to the result of the previous one.'),
});

/** `roboflow_core/property_definition@v1` (aliases `PropertyDefinition`, `PropertyExtraction`): a value computed by query-language operations. */
export const propertyDefinitionV1 = defineBlock<PropertyDefinitionInputs, typeof manifest>({
  type: 'roboflow_core/property_definition@v1',
  aliases: ['PropertyDefinition', 'PropertyExtraction'],
  name: 'Property Definition',
  blockType: 'formatter',
  shortDescription: 'Define a variable from model predictions, such as the class names, confidences, or number of detections.',
  longDescription:
    'Applies a chain of query-language operations to its data (DetectionsPropertyExtract, SequenceLength, ClassificationPropertyExtract, DetectionsFilter, ...) and outputs the result.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: {
    search_keywords: ['property', 'field', 'number', 'count', 'classes', 'confidences', 'labels', 'coordinates'],
    ui_manifest: { section: 'advanced', icon: 'fal fa-gear-code', blockPriority: 0, popular: true },
  },
  manifest,
  outputs: { output: [wildcardKind] },
  run: ({ data, operations }) => ({ output: compileOperations(operations)(data, {}) }),
});
