import { InvalidInputTypeError } from '../errors.js';
import { pythonClass, pythonIsoFormat } from '../python/values.js';
import type { OperationScope } from './operation-scope.js';

/** `datetime.isoformat()` of a UTC timestamp: microseconds only when not zero, offset `+00:00`. */
export function timestampToIsoFormat(value: unknown, scope: OperationScope): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidInputTypeError({
      message: `Operation timestamp_to_iso_format(...) in context ${scope.context} expects input value to be timestamp (Python datetime object), got: ${pythonClass(value)}`,
      context: scope.context,
    });
  }
  return pythonIsoFormat(value);
}
