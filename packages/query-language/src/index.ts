export {
  QueryLanguageError,
  UndeclaredSymbolError,
  InvalidInputTypeError,
  OperationError,
  EvaluationEngineError,
  QueryLanguageDefinitionError,
  isQueryLanguageError,
} from './errors.js';
export * from './schemas/enums.js';
export {
  operationDefinitionSchema,
  statementGroupDefinitionSchema,
  binaryStatementSchema,
  unaryStatementSchema,
  operationTypes,
  binaryComparators,
  unaryOperators,
  type OperationDefinition,
  type OperationType,
  type Statement,
  type StatementGroup,
  type BinaryStatement,
  type UnaryStatement,
  type Operand,
  type StaticOperand,
  type DynamicOperand,
  type BinaryComparator,
  type UnaryOperator,
} from './schemas/definitions.js';
export { operationsSchema, statementGroupSchema } from './validation/manifest-schemas.js';
export { parseOperations, parseStatementGroup, compileOperations, compileStatementGroup, executeOperations, evaluate } from './validation/compile-definitions.js';
export { buildOperationsChain, type OperationsChain } from './operations/build-operations-chain.js';
export { buildStatement, type StatementFunction } from './statements/build-statement.js';
export { defaultOperandName } from './operations/detections.js';
export { SingleDetection } from './detections/single-detection.js';
export { takeRows, keepRows, concatenateRows, copyDetections } from './detections/take-rows.js';
export { pythonStr, pythonRepr, pythonEquals, pythonTruthy, pythonRound, safeStringify } from './python/values.js';
