import type { OperationDefinition } from '../schemas/definitions.js';
import { buildStatement } from '../statements/build-statement.js';
import { extractClassificationProperty } from './classification.js';
import { extractDetectionProperty } from './detection.js';
import {
  detectionsToDictionary,
  extractDetectionsProperty,
  filterDetections,
  offsetDetections,
  pickDetectionsByParentClass,
  renameDetections,
  selectDetections,
  shiftDetections,
  sortDetections,
} from './detections.js';
import { dictionaryToJson } from './dictionaries.js';
import { lookUp, randomNumber, toBoolean } from './generic.js';
import { encodeImageToBase64, encodeImageToJpeg, extractFrameMetadata, extractImageProperty } from './images.js';
import { divide, multiply, numberRound, toNumber } from './numbers.js';
import type { OperationScope } from './operation-scope.js';
import {
  aggregateNumericSequence,
  aggregateSequence,
  joinSequence,
  sequenceApply,
  sequenceElementsCount,
  sequenceLength,
  sequenceMap,
} from './sequences.js';
import { stringMatches, stringSubSequence, stringToLower, stringToUpper, toText } from './strings.js';
import { timestampToIsoFormat } from './timestamps.js';

/** A compiled chain of operations: applies each one to the result of the previous one. */
export type OperationsChain = (value: unknown, globalParameters?: Readonly<Record<string, unknown>>) => unknown;

type CompiledOperation = (value: unknown, globalParameters: Readonly<Record<string, unknown>>) => unknown;

const identity: OperationsChain = (value) => value;

/**
 * Compiles parsed operations into one function (reference `build_operations_chain`). Each operation is
 * placed at `<context>[index]` for error messages; nested operations extend the context.
 */
export function buildOperationsChain(operations: readonly OperationDefinition[], context = '<root>'): OperationsChain {
  if (operations.length === 0) return identity;
  const compiled = operations.map((operation, index) => buildOperation(operation, `${context}[${index}]`));
  return chain(compiled);
}

function chain(functions: readonly CompiledOperation[]): OperationsChain {
  if (functions.length === 1) {
    const [only] = functions as [CompiledOperation];
    return (value, globalParameters = {}) => only(value, globalParameters);
  }
  return (value, globalParameters = {}) => {
    let result = value;
    for (const fn of functions) result = fn(result, globalParameters);
    return result;
  };
}

function buildOperation(definition: OperationDefinition, context: string): CompiledOperation {
  const scoped =
    (fn: (value: unknown, scope: OperationScope) => unknown): CompiledOperation =>
    (value, globalParameters) =>
      fn(value, { context, globalParameters });
  switch (definition.type) {
    case 'StringToLowerCase':
      return scoped(stringToLower);
    case 'StringToUpperCase':
      return scoped(stringToUpper);
    case 'LookupTable':
      return scoped((value, scope) => lookUp(value, definition.lookup_table, scope));
    case 'ToNumber':
      return scoped((value, scope) => toNumber(value, definition.cast_to, scope));
    case 'NumberRound':
      return scoped((value, scope) => numberRound(value, definition.decimal_digits, scope));
    case 'SequenceMap':
      return scoped((value, scope) => sequenceMap(value, definition.lookup_table, scope));
    case 'SequenceApply': {
      // As the reference: the nested operations share the SequenceApply's own context.
      const inner = chain(definition.operations.map((operation) => buildOperation(operation, context)));
      return scoped((value, scope) => sequenceApply(value, (item) => inner(item, scope.globalParameters), scope));
    }
    case 'NumericSequenceAggregate':
      return scoped((value, scope) => aggregateNumericSequence(value, definition.function, definition.neutral_value, scope));
    case 'SequenceAggregate':
      return scoped((value, scope) => aggregateSequence(value, definition.mode, scope));
    case 'ToString':
      return (value) => toText(value);
    case 'ToBoolean':
      return (value) => toBoolean(value);
    case 'StringSubSequence':
      return scoped((value, scope) => stringSubSequence(value, definition.start, definition.end, scope));
    case 'DetectionsPropertyExtract':
      return scoped((value, scope) => extractDetectionsProperty(value, definition.property_name, scope));
    case 'DetectionsToDictionary':
      return scoped(detectionsToDictionary);
    case 'ClassificationPropertyExtract':
      return scoped((value, scope) => extractClassificationProperty(value, definition.property_name, scope));
    case 'DetectionsSelection':
      return scoped((value, scope) => selectDetections(value, definition.mode, scope));
    case 'ExtractDetectionProperty':
      return scoped((value, scope) => extractDetectionProperty(value, definition.property_name, scope));
    case 'DetectionsFilter': {
      const keep = buildStatement(definition.filter_operation, context);
      return scoped((value, scope) => filterDetections(value, keep, scope));
    }
    case 'SortDetections':
      return scoped((value, scope) => sortDetections(value, definition.mode, definition.ascending, scope));
    case 'DetectionsOffset':
      return scoped((value, scope) => offsetDetections(value, definition.offset_x, definition.offset_y, scope));
    case 'DetectionsShift':
      return scoped((value, scope) => shiftDetections(value, definition.shift_x, definition.shift_y, scope));
    case 'RandomNumber':
      return () => randomNumber(definition.min_value, definition.max_value);
    case 'ExtractImageProperty':
      return scoped((value, scope) => extractImageProperty(value, definition.property_name, scope));
    case 'ExtractFrameMetadata':
      return scoped((value, scope) => extractFrameMetadata(value, definition.property_name, scope));
    case 'TimestampToISOFormat':
      return scoped(timestampToIsoFormat);
    case 'ConvertImageToJPEG':
      return scoped(encodeImageToJpeg);
    case 'ConvertDictionaryToJSON':
      return scoped(dictionaryToJson);
    case 'ConvertImageToBase64':
      return scoped(encodeImageToBase64);
    case 'StringMatches':
      return scoped((value, scope) => stringMatches(value, definition.regex, scope));
    case 'SequenceLength':
      return scoped(sequenceLength);
    case 'SequenceElementsCount':
      return scoped(sequenceElementsCount);
    case 'SequenceJoin':
      return scoped((value, scope) => joinSequence(value, definition.separator, scope));
    case 'Multiply':
      return scoped((value, scope) => multiply(value, definition.other, scope));
    case 'Divide':
      return scoped((value, scope) => divide(value, definition.other, scope));
    case 'DetectionsRename':
      return scoped((value, scope) => renameDetections(value, definition.class_map, definition.strict, definition.new_classes_id_offset, scope));
    case 'PickDetectionsByParentClass':
      return scoped((value, scope) => pickDetectionsByParentClass(value, definition.parent_class, scope));
  }
}
