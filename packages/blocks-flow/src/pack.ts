import { defineBlockPack } from '@flow/engine';
import { continueIfV1 } from './continue-if/v1.js';
import { expressionV1 } from './expression/v1.js';
import { firstNonEmptyOrDefaultV1 } from './first-non-empty-or-default/v1.js';
import { propertyDefinitionV1 } from './property-definition/v1.js';

/** Flow control and data blocks, under the reference's `roboflow_core` namespace. */
export const flowPack = defineBlockPack({
  name: 'roboflow_core',
  apiVersion: 1,
  blocks: [continueIfV1, propertyDefinitionV1, expressionV1, firstNonEmptyOrDefaultV1],
});
