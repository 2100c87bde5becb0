export { flowPack } from './pack.js';
export { continueIfV1, type ContinueIfInputs } from './continue-if/v1.js';
export { propertyDefinitionV1, type PropertyDefinitionInputs } from './property-definition/v1.js';
export { expressionV1, type ExpressionInputs } from './expression/v1.js';
export { casesDefinitionSchema, type CasesDefinition, type CaseResult, type StaticCaseResult, type DynamicCaseResult } from './expression/cases.js';
export { firstNonEmptyOrDefaultV1, type FirstNonEmptyOrDefaultInputs } from './first-non-empty-or-default/v1.js';
