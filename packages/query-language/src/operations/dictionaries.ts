import { InvalidInputTypeError, OperationError } from '../errors.js';
import { isPlainObject, pythonClass, pythonJsonDumps, safeStringify } from '../python/values.js';
import type { OperationScope } from './operation-scope.js';

/** `json.dumps(value)`, Python's text: `{"a": 1, "b": [1, 2]}`. */
export function dictionaryToJson(value: unknown, scope: OperationScope): string {
  if (!isPlainObject(value)) {
    throw new InvalidInputTypeError({
      message: `Executing dictionary_to_json(...) in context ${scope.context}, expected dict object as value, got ${safeStringify(value)} of type ${pythonClass(value)}`,
      context: scope.context,
    });
  }
  try {
    return pythonJsonDumps(value);
  } catch (error) {
    throw new OperationError({ message: `While Using operation dictionary_to_json(...) in context ${scope.context} encountered error: ${(error as Error).message}`, context: scope.context, cause: error });
  }
}
