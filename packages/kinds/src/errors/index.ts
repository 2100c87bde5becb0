export { FlowError, type FlowErrorOptions } from './flow-error.js';
export { InvalidInputError } from './invalid-input-error.js';
