import { InvalidInputTypeError } from '../errors.js';
import { pythonClass, pythonStr, safeStringify } from '../python/values.js';
import { translatePythonRegex } from '../python/regex.js';
import type { OperationScope } from './operation-scope.js';

function requireString(value: unknown, operation: string, scope: OperationScope): string {
  if (typeof value === 'string') return value;
  throw new InvalidInputTypeError({
    message: `Using operation ${operation}(...) in context ${scope.context} which requires string as input data, got: ${pythonClass(value)}`,
    context: scope.context,
  });
}

export function stringToLower(value: unknown, scope: OperationScope): string {
  return requireString(value, 'string_to_lower', scope).toLowerCase();
}

export function stringToUpper(value: unknown, scope: OperationScope): string {
  return requireString(value, 'string_to_upper', scope).toUpperCase();
}

export function toText(value: unknown): string {
  return pythonStr(value);
}

/** `value[start:end]` with Python's slice rules (negative ends count from the end; the default end -1 drops the last character). */
export function stringSubSequence(value: unknown, start: number, end: number, scope: OperationScope): string {
  if (typeof value !== 'string') {
    throw new InvalidInputTypeError({
      message: `While executing string_sub_sequence(...) in context ${scope.context}, got value which of type ${pythonClass(value)}: ${safeStringify(value)}`,
      context: scope.context,
    });
  }
  const characters = Array.from(value);
  return characters.slice(sliceIndex(start, characters.length), sliceIndex(end, characters.length)).join('');
}

function sliceIndex(index: number, length: number): number {
  if (index < 0) return Math.max(0, length + index);
  return Math.min(index, length);
}

/** `re.search(regex, value)` found something. */
export function stringMatches(value: unknown, regex: string, scope: OperationScope): boolean {
  if (typeof value !== 'string') {
    throw new InvalidInputTypeError({
      message: `While executing string_matches(...) in context ${scope.context}, got value which of type ${pythonClass(value)}: ${safeStringify(value)}`,
      context: scope.context,
    });
  }
  return translatePythonRegex(regex).test(value);
}
