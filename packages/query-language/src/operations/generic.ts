import { InvalidInputTypeError } from '../errors.js';
import { hashKey, pythonClass, pythonRepr, pythonTruthy, safeStringify } from '../python/values.js';
import type { OperationScope } from './operation-scope.js';

/** `lookup_table[value]`: JSON keys are strings, so only a string can be found. */
export function lookUp(value: unknown, lookupTable: Readonly<Record<string, unknown>>, scope: OperationScope, operation = 'apply_lookup'): unknown {
  try {
    hashKey(value);
  } catch (error) {
    throw new InvalidInputTypeError({
      message: `While executing operation ${operation}(...) in context ${scope.context}, passed value of type ${pythonClass(value)} which does not let it be searched in lookup table.`,
      context: scope.context,
      cause: error,
    });
  }
  if (typeof value === 'string' && Object.hasOwn(lookupTable, value)) return lookupTable[value];
  throw new InvalidInputTypeError({
    message: `While executing operation ${operation}(...) in context ${scope.context}, encountered value \`${safeStringify(value)}\` of type ${pythonClass(value)} which cannot be found in lookup table with keys: ${pythonRepr(Object.keys(lookupTable))}`,
    context: scope.context,
  });
}

/** A number drawn uniformly from `min_value` plus up to `|max_value - min_value|`; the input is ignored. */
export function randomNumber(minValue: number, maxValue: number): number {
  if (minValue === maxValue) return minValue;
  return minValue + Math.random() * Math.abs(maxValue - minValue);
}

export function toBoolean(value: unknown): boolean {
  return pythonTruthy(value);
}
