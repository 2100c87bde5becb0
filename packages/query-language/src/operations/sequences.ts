import { InvalidInputTypeError, OperationError, PythonTypeError } from '../errors.js';
import { hashKey, pythonClass, pythonCompare, pythonIndex, pythonIterate, pythonLength, pythonStr, pythonTypeName, safeStringify } from '../python/values.js';
import type { SequenceAggregationFunction, SequenceAggregationMode } from '../schemas/enums.js';
import type { OperationScope } from './operation-scope.js';

/** The reference refuses to build joined strings longer than this. */
export const maxJoinedStringLength = 1_000_000;

function iterateOrFail(value: unknown, operation: string, scope: OperationScope): unknown[] {
  try {
    return pythonIterate(value);
  } catch (error) {
    throw new InvalidInputTypeError({
      message: `While executing ${operation}(...) in context ${scope.context}, encountered value of type ${pythonClass(value)} which is not a sequence to be iterated`,
      context: scope.context,
      cause: error,
    });
  }
}

export function sequenceMap(value: unknown, lookupTable: Readonly<Record<string, unknown>>, scope: OperationScope): unknown[] {
  const items = iterateOrFail(value, 'sequence_map', scope);
  return items.map((item) => {
    try {
      hashKey(item);
    } catch (error) {
      throw new InvalidInputTypeError({
        message: `While executing sequence_map(...) in context ${scope.context}, encountered value of type ${pythonClass(value)} which is not a sequence to be iterated`,
        context: scope.context,
        cause: error,
      });
    }
    if (typeof item === 'string' && Object.hasOwn(lookupTable, item)) return lookupTable[item];
    throw new InvalidInputTypeError({
      message: `While executing operation sequence_map(...) in context ${scope.context}, encountered value \`${safeStringify(item)}\` which cannot be found in lookup table with keys: ${pythonStr(Object.keys(lookupTable))}`,
      context: scope.context,
    });
  });
}

export function sequenceApply(value: unknown, apply: (item: unknown) => unknown, scope: OperationScope): unknown[] {
  return iterateOrFail(value, 'sequence_apply', scope).map(apply);
}

function aggregate(items: unknown[], fn: SequenceAggregationFunction): unknown {
  if (fn === 'sum') {
    let total: unknown = 0;
    for (const item of items) {
      if ((typeof item !== 'number' && typeof item !== 'boolean') || typeof total !== 'number') {
        throw new PythonTypeError(`unsupported operand type(s) for +: '${pythonTypeName(total)}' and '${pythonTypeName(item)}'`);
      }
      total = total + Number(item);
    }
    return total;
  }
  let best = items[0];
  for (const item of items.slice(1)) {
    if (fn === 'min' ? pythonCompare(item, best, '<') : pythonCompare(item, best, '>')) best = item;
  }
  return best;
}

export function aggregateNumericSequence(value: unknown, fn: SequenceAggregationFunction, neutralValue: unknown, scope: OperationScope): unknown {
  try {
    if (pythonLength(value) === 0) return neutralValue;
    return aggregate(pythonIterate(value), fn);
  } catch (error) {
    throw new InvalidInputTypeError({
      message: `While executing aggregate_numeric_sequence(...) in context ${scope.context}, encountered value of type ${pythonClass(value)} which is not suited to execute operation. Details: ${(error as Error).message}`,
      context: scope.context,
      cause: error,
    });
  }
}

/** Items ordered by how often they occur, most first, ties in order of first appearance (`Counter.most_common`). */
function byFrequency(items: unknown[]): unknown[] {
  const counts = new Map<unknown, { item: unknown; count: number }>();
  for (const item of items) {
    const key = hashKey(item);
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { item, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count).map((entry) => entry.item);
}

export function aggregateSequence(value: unknown, mode: SequenceAggregationMode, scope: OperationScope): unknown {
  let length: number;
  try {
    length = pythonLength(value);
  } catch (error) {
    throw new InvalidInputTypeError({
      message: `While executing aggregate_sequence(...) in context ${scope.context}, encountered value of type ${pythonClass(value)} which is not suited to execute operation. Details: ${(error as Error).message}`,
      context: scope.context,
      cause: error,
    });
  }
  if (length < 1) {
    throw new InvalidInputTypeError({
      message: `While executing aggregate_sequence(...) in context ${scope.context}, encountered value empty sequence which cannot be aggregated`,
      context: scope.context,
    });
  }
  try {
    if (mode === 'first' || mode === 'last') return pythonIndex(value, mode === 'first' ? 0 : -1);
    const ordered = byFrequency(pythonIterate(value));
    return ordered[mode === 'most_common' ? 0 : ordered.length - 1];
  } catch (error) {
    if (!(error instanceof PythonTypeError)) {
      throw new OperationError({ message: `While executing aggregate_sequence(...) in context ${scope.context}, encountered error: ${(error as Error).message}`, context: scope.context, cause: error });
    }
    throw new InvalidInputTypeError({
      message: `While executing aggregate_sequence(...) in context ${scope.context}, encountered value of type ${pythonClass(value)} which is not suited to execute operation. Details: ${error.message}`,
      context: scope.context,
      cause: error,
    });
  }
}

export function joinSequence(value: unknown, separator: string, scope: OperationScope): string {
  const parts = iterateOrFail(value, 'join_sequence', scope).map((item) => pythonStr(item));
  let joinedLength = parts.reduce((total, part) => total + part.length, 0);
  if (parts.length > 0) joinedLength += separator.length * (parts.length - 1);
  if (joinedLength > maxJoinedStringLength) {
    throw new OperationError({
      message: `While executing join_sequence(...) in context ${scope.context}, attempted to build a string of ${joinedLength} characters, which exceeds the maximum allowed length of ${maxJoinedStringLength} characters`,
      context: scope.context,
    });
  }
  return parts.join(separator);
}

export function sequenceLength(value: unknown, scope: OperationScope): number {
  try {
    return pythonLength(value);
  } catch (error) {
    throw new InvalidInputTypeError({
      message: `While executing get_sequence_length(...) in context ${scope.context}, encountered value of type ${pythonClass(value)} which is not suited to execute operation. Details: ${(error as Error).message}`,
      context: scope.context,
      cause: error,
    });
  }
}

/** How often each item occurs, keyed by its text (`safe_stringify`). */
export function sequenceElementsCount(value: unknown, scope: OperationScope): Record<string, number> {
  let items: unknown[];
  try {
    items = pythonIterate(value);
  } catch (error) {
    throw new InvalidInputTypeError({
      message: `While executing get_sequence_elements_count(...) in context ${scope.context}, encountered value of type ${pythonClass(value)} which is not suited to execute operation. Details: ${(error as Error).message}`,
      context: scope.context,
      cause: error,
    });
  }
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key = safeStringify(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
