import type { PythonValue } from '../json/python-json.js';
import { realNumber } from '../numbers/python-float.js';
import { PythonError, pythonTypeName } from '../python/semantics.js';

/**
 * A JSON value used directly in the reference's arithmetic (`v / 1000.0 * width`, `v * width`): numbers
 * and booleans (`True` is 1) take part; anything else fails there or, for `str * int` / `list * int`
 * repetition, a step later when numpy rounds the boxes. Either way the row is an error.
 */
export function arithmeticOperand(value: PythonValue | undefined, operator: '*' | '/'): number {
  const real = realNumber(value);
  if (real !== undefined) return real;
  throw new PythonError('TypeError', `unsupported operand type(s) for ${operator}: '${pythonTypeName(value)}' and 'float'`);
}
