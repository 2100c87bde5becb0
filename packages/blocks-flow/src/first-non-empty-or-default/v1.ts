import { defineBlock, selector } from '@flow/engine';
import { wildcardKind } from '@flow/kinds';
import { z } from 'zod';

export interface FirstNonEmptyOrDefaultInputs {
  data: unknown[];
  default: unknown;
}

const manifest = z.object({
  data: z.array(selector([wildcardKind])).min(1).meta({ description: 'Values in priority order; the first that is not empty is output.' }),
  default: z.unknown().default(null).meta({ description: 'Output when every value is empty (null by default).' }),
});

/** `roboflow_core/first_non_empty_or_default@v1` (alias `FirstNonEmptyOrDefault`): merges branches by taking the first value present. */
export const firstNonEmptyOrDefaultV1 = defineBlock<FirstNonEmptyOrDefaultInputs, typeof manifest>({
  type: 'roboflow_core/first_non_empty_or_default@v1',
  aliases: ['FirstNonEmptyOrDefault'],
  name: 'First Non Empty Or Default',
  blockType: 'formatter',
  shortDescription: 'Take the first non-empty data element or default',
  longDescription:
    'Outputs the first of its data values that is not empty (null), or the default when all are. Use it to merge the outputs of branches that flow control may have stopped.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'advanced', icon: 'fal fa-empty-set', blockPriority: 7, inDevelopment: true } },
  manifest,
  outputs: { output: [wildcardKind] },
  acceptsEmptyValues: true,
  run: ({ data, default: fallback }) => {
    for (const element of data) {
      if (element !== null && element !== undefined) return { output: element };
    }
    return { output: fallback };
  },
});
