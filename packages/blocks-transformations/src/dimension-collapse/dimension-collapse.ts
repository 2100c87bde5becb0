import { defineBlock, selector } from '@flow/engine';
import { listOfValuesKind, wildcardKind } from '@flow/kinds';
import { z } from 'zod';

const manifest = z.object({
  data: selector([wildcardKind], { description: 'A value one level down (per crop, per slice) to gather into one list per parent element.' }),
});

/**
 * `roboflow_core/dimension_collapse@v1` (alias `DimensionCollapse`): output dimensionality -1, the values of
 * the nested elements under each element as one list (skipped elements left out).
 */
export const dimensionCollapseV1 = defineBlock<{ data: unknown[] }, typeof manifest>({
  type: 'roboflow_core/dimension_collapse@v1',
  aliases: ['DimensionCollapse'],
  name: 'Dimension Collapse',
  blockType: 'fusion',
  shortDescription: 'Collapse dimensionality by aggregating nested data into a single list.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'advanced', icon: 'fal fa-layer-minus', blockPriority: 6, inDevelopment: true } },
  manifest,
  outputs: { output: [listOfValuesKind] },
  outputDimensionalityOffset: -1,
  run: ({ data }) => ({ output: [...data] }),
});
