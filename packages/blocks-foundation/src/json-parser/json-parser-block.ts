import { defineBlock, literalOrSelector, type BlockOutputs } from '@flow/engine';
import { booleanKind, languageModelOutputKind, wildcardKind } from '@flow/kinds';
import { z } from 'zod';
import { parseJsonFields } from './parse-json-fields.js';

const manifest = z.object({
  raw_json: literalOrSelector(z.string(), [languageModelOutputKind], {
    description: 'The JSON text: raw, or inside ```json fenced blocks (only the first is read), as models often write it.',
  }),
  expected_fields: z
    .array(z.string())
    .refine((fields) => !fields.includes('error_status'), {
      message: '`error_status` is reserved field name and cannot be used in `expected_fields` of `roboflow_core/json_parser@v1` block.',
    })
    .describe('Fields to read; each becomes an output of the step (null when missing).'),
});

export interface JsonParserInputs {
  raw_json: string;
  expected_fields: string[];
}

/** `roboflow_core/json_parser@v1`: reads named fields from a JSON answer. */
export const jsonParserV1 = defineBlock<JsonParserInputs, typeof manifest>({
  type: 'roboflow_core/json_parser@v1',
  name: 'JSON Parser',
  blockType: 'formatter',
  shortDescription: 'Parse raw string into JSON.',
  longDescription:
    'Parses a JSON text (raw, or the first ```json fenced block in it) and outputs each of `expected_fields` as its own output. A missing field is null; `error_status` is true when the text is not a JSON object or any field is missing. It never fails the workflow because of the text.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'advanced', icon: 'fal fa-table-tree', blockPriority: 5 } },
  manifest,
  outputs: (values): BlockOutputs => {
    const outputs: BlockOutputs = { error_status: [booleanKind] };
    if (!Array.isArray(values.expected_fields)) return { ...outputs, '*': [wildcardKind] };
    for (const field of values.expected_fields) outputs[field] = [wildcardKind];
    return outputs;
  },
  run(inputs, context) {
    const { error_status, fields } = parseJsonFields(inputs.raw_json, inputs.expected_fields);
    if (error_status) context.logger.debug('json_parser: the text is not a JSON object with every expected field', { step: context.step.name });
    return { ...fields, error_status };
  },
});
