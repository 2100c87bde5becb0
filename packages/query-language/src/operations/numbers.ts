import { InvalidInputTypeError } from '../errors.js';
import { pythonClass, pythonRound, pythonStr, safeStringify } from '../python/values.js';
import type { NumberCastingMode } from '../schemas/enums.js';
import type { OperationScope } from './operation-scope.js';

const pythonDecimalText = /^[+-]?(?=\.?\d)(\d+(?:_\d+)*)?(?:\.(\d+(?:_\d+)*)?)?(?:[eE][+-]?\d+(?:_\d+)*)?$/;
const pythonSpecialText = /^[+-]?(inf|infinity|nan)$/i;

/** Python's `float(value)`: numbers, bools and numeric text; anything else cannot be cast. */
function pythonFloat(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (pythonSpecialText.test(text)) {
    if (/nan$/i.test(text)) return NaN;
    return text.startsWith('-') ? -Infinity : Infinity;
  }
  if (!pythonDecimalText.test(text)) return undefined;
  return Number(text.replace(/_/g, ''));
}

export function toNumber(value: unknown, castTo: NumberCastingMode, scope: OperationScope): number {
  const number = pythonFloat(value);
  if (number === undefined || (castTo === 'int' && !Number.isFinite(number))) {
    throw new InvalidInputTypeError({
      message: `While executing operation to_number(...) in context ${scope.context}, encountered value \`${safeStringify(value)}\` of type ${pythonClass(value)} which cannot be casted into ${castTo}`,
      context: scope.context,
    });
  }
  return castTo === 'int' ? Math.trunc(number) : number;
}

function numericOperand(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

export function numberRound(value: unknown, decimalDigits: number, scope: OperationScope): number {
  const number = numericOperand(value);
  if (number === undefined) {
    throw new InvalidInputTypeError({
      message: `While executing number_round to_number(...) in context ${scope.context}, encountered value \`${safeStringify(value)}\` of type ${pythonClass(value)} which cannot be rounded`,
      context: scope.context,
    });
  }
  return pythonRound(number, decimalDigits);
}

/** `value * other`: numbers multiply; a string or list times an integer repeats, as in Python. */
export function multiply(value: unknown, other: number, scope: OperationScope): unknown {
  const number = numericOperand(value);
  if (number !== undefined) return number * other;
  if (Number.isInteger(other) && typeof value === 'string') return value.repeat(Math.max(0, other));
  if (Number.isInteger(other) && Array.isArray(value)) return Array.from({ length: Math.max(0, other) }, () => value).flat(1);
  throw new InvalidInputTypeError({
    message: `While executing multiply to_number(...) in context ${scope.context}, encountered value \`${safeStringify(value)}\` of type ${pythonClass(value)} which cannot be multiplied with ${pythonStr(other)}`,
    context: scope.context,
  });
}

export function divide(value: unknown, other: number, scope: OperationScope): number {
  const number = numericOperand(value);
  if (number === undefined || other === 0) {
    throw new InvalidInputTypeError({
      message: `While executing divide(...) in context ${scope.context}, encountered value \`${safeStringify(value)}\` of type ${pythonClass(value)} which cannot be divided by ${pythonStr(other)}`,
      context: scope.context,
    });
  }
  return number / other;
}
