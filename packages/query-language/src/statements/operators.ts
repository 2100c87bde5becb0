import { PythonTypeError } from '../errors.js';
import { pythonCompare, pythonContains, pythonEquals, pythonIndex, pythonIterate, pythonLength, pythonTypeName } from '../python/values.js';
import type { BinaryComparator, UnaryOperator } from '../schemas/definitions.js';
import { isPointInZone } from './point-in-zone.js';

function stringMethod(value: unknown, method: string, argument: unknown): [string, string] {
  if (typeof value !== 'string') throw new PythonTypeError(`'${pythonTypeName(value)}' object has no attribute '${method}'`);
  if (typeof argument !== 'string') throw new PythonTypeError(`${method} first arg must be str or a tuple of str, not ${pythonTypeName(argument)}`);
  return [value, argument];
}

/** The comparators of `BinaryStatement`, with Python's semantics for each (reference `BINARY_OPERATORS`). */
export const binaryOperators: Record<BinaryComparator, (left: unknown, right: unknown) => boolean> = {
  '==': pythonEquals,
  '(Number) ==': pythonEquals,
  '!=': (left, right) => !pythonEquals(left, right),
  '(Number) !=': (left, right) => !pythonEquals(left, right),
  '(Number) >': (left, right) => pythonCompare(left, right, '>'),
  '(Number) >=': (left, right) => pythonCompare(left, right, '>='),
  '(Number) <': (left, right) => pythonCompare(left, right, '<'),
  '(Number) <=': (left, right) => pythonCompare(left, right, '<='),
  '(Number) in range': (left, right) => pythonCompare(pythonIndex(right, 0), left, '<=') && pythonCompare(left, pythonIndex(right, 1), '<='),
  '(String) startsWith': (left, right) => {
    const [text, prefix] = stringMethod(left, 'startswith', right);
    return text.startsWith(prefix);
  },
  '(String) endsWith': (left, right) => {
    const [text, suffix] = stringMethod(left, 'endswith', right);
    return text.endsWith(suffix);
  },
  '(String) contains': (left, right) => pythonContains(left, right),
  'in (Sequence)': (left, right) => pythonContains(right, left),
  'any in (Sequence)': (left, right) => pythonIterate(left).some((item) => pythonContains(right, item)),
  'all in (Sequence)': (left, right) => pythonIterate(left).every((item) => pythonContains(right, item)),
  '(Detection) in zone': isPointInZone,
};

/** The operators of `UnaryStatement` (reference `UNARY_OPERATORS`). */
export const unaryOperators: Record<UnaryOperator, (value: unknown) => boolean> = {
  Exists: (value) => value !== null && value !== undefined,
  DoesNotExist: (value) => value === null || value === undefined,
  '(Boolean) is True': (value) => value === true,
  '(Boolean) is False': (value) => value === false,
  '(Sequence) is empty': (value) => pythonLength(value) === 0,
  '(Sequence) is not empty': (value) => pythonLength(value) > 0,
};
