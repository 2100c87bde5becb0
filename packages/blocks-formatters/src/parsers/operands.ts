import { PythonInt, type PythonValue } from '../json/python-json.js';
import { PythonError, pythonTypeName } from '../python/semantics.js';

/**
 * A JSON value used directly in the reference's arithmetic (`v / 1000.0 * width`, `v * width`): numbers
 * and booleans (`True` is 1) take part; anything else fails there or, for `str * int` / `list * int`
 * repetition, a step later when numpy rounds the boxes. Either way the row is an error.
 */
export function arithmeticOperand(value: PythonValue | undefined, operator: '*' | '/'): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof PythonInt) {
    const approximate = value.approximate;
    if (!Number.isFinite(approximate)) throw new PythonError('OverflowError', 'int too large to convert to float');
    return approximate;
  }
  throw new PythonError('TypeError', `unsupported operand type(s) for ${operator}: '${pythonTypeName(value)}' and 'float'`);
}
