import { Detections, WorkflowImage } from '@flow/kinds';
import { PythonTypeError, PythonValueError } from '../errors.js';
import { SingleDetection } from '../detections/single-detection.js';

/**
 * Python's value semantics, as far as the query language can observe them: `str()`, `bool()`, `==`,
 * `<`, `in`, `len()`, iteration and `round()`. JavaScript has one number type, so an integral number
 * behaves (and prints) as a Python `int`, any other number as a `float`.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The name Python would print for `type(value)`. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Detections) return 'supervision.detection.core.Detections';
  if (value instanceof SingleDetection) return 'tuple';
  if (value instanceof WorkflowImage) return 'WorkflowImageData';
  if (value instanceof Date) return 'datetime.datetime';
  if (value instanceof Uint8Array) return 'bytes';
  if (isPlainObject(value)) return 'dict';
  return (value as object).constructor?.name ?? 'object';
}

/** `<class 'int'>`, as the reference's messages print `type(value)`. */
export function pythonClass(value: unknown): string {
  return `<class '${pythonTypeName(value)}'>`;
}

/** Python's `repr()` of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const text = String(value);
  if (/e/i.test(text)) {
    // JavaScript switches to exponent form from 1e21; Python not before 1e16 (handled above).
    return `${BigInt(Math.round(value)).toString()}.0`;
  }
  return text.includes('.') ? text : `${text}.0`;
}

function numberRepr(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  if (Number.isInteger(value) && Number.isFinite(value)) return BigInt(value).toString();
  return floatRepr(value);
}

function stringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let body = '';
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (character === '\\') body += '\\\\';
    else if (character === quote) body += `\\${quote}`;
    else if (character === '\n') body += '\\n';
    else if (character === '\r') body += '\\r';
    else if (character === '\t') body += '\\t';
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else body += character;
  }
  return `${quote}${body}${quote}`;
}

/** Python's `repr()`. */
export function pythonRepr(value: unknown): string {
  if (typeof value === 'string') return stringRepr(value);
  return pythonStr(value, true);
}

/** Python's `str()`. */
export function pythonStr(value: unknown, nested = false): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberRepr(value);
  if (typeof value === 'string') return nested ? stringRepr(value) : value;
  if (Array.isArray(value)) return `[${value.map((item) => pythonRepr(item)).join(', ')}]`;
  if (value instanceof SingleDetection) {
    return `(array([${value.xyxy.map(numberRepr).join(', ')}]), None, ${numberRepr(value.confidence)}, ${numberRepr(value.classId)}, None, ${pythonRepr(value.data)})`;
  }
  if (value instanceof Detections) {
    return `Detections(xyxy=${pythonRepr(value.xyxy)}, confidence=${pythonRepr(value.confidence)}, class_id=${pythonRepr(value.classId)}, data=${pythonRepr(value.data)})`;
  }
  if (value instanceof WorkflowImage) return `<WorkflowImageData parent_id=${stringRepr(value.parentId)}>`;
  if (value instanceof Date) return pythonIsoFormat(value, ' ');
  if (value instanceof Uint8Array) return `b'<${value.length} bytes>'`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${stringRepr(key)}: ${pythonRepr(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** The reference's `safe_stringify`: `str()` cut at 128 characters. */
export function safeStringify(value: unknown, maxCharacters = 128): string {
  const text = pythonStr(value);
  return text.length > maxCharacters ? `${text.slice(0, maxCharacters)} [...]` : text;
}

/** Python's `bool()`. */
export function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Detections) return value.length > 0;
  if (value instanceof Uint8Array) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/** Python's `==` (bools are numbers, lists and dicts compare by value, other objects by identity). */
export function pythonEquals(left: unknown, right: unknown): boolean {
  const leftNumber = asNumber(left);
  const rightNumber = asNumber(right);
  if (leftNumber !== undefined || rightNumber !== undefined) return leftNumber !== undefined && leftNumber === rightNumber;
  if (left === null || left === undefined) return right === null || right === undefined;
  if (typeof left === 'string') return left === right;
  if (Array.isArray(left)) {
    return Array.isArray(right) && left.length === right.length && left.every((item, index) => pythonEquals(item, right[index]));
  }
  if (isPlainObject(left)) {
    if (!isPlainObject(right)) return false;
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && pythonEquals(left[key], right[key]));
  }
  if (left instanceof Date && right instanceof Date) return left.getTime() === right.getTime();
  return left === right;
}

export type ComparisonOperator = '<' | '<=' | '>' | '>=';

function compareOrder(left: unknown, right: unknown, operator: ComparisonOperator): number {
  const leftNumber = asNumber(left);
  const rightNumber = asNumber(right);
  if (leftNumber !== undefined && rightNumber !== undefined) return leftNumber < rightNumber ? -1 : leftNumber > rightNumber ? 1 : leftNumber === rightNumber ? 0 : NaN;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let index = 0; index < Math.min(left.length, right.length); index++) {
      if (!pythonEquals(left[index], right[index])) return compareOrder(left[index], right[index], operator);
    }
    return left.length - right.length;
  }
  if (left instanceof Date && right instanceof Date) return left.getTime() - right.getTime();
  throw new PythonTypeError(`'${operator}' not supported between instances of '${pythonTypeName(left)}' and '${pythonTypeName(right)}'`);
}

/** Python's ordering comparisons; a `TypeError` for values that have no order between them. */
export function pythonCompare(left: unknown, right: unknown, operator: ComparisonOperator): boolean {
  const order = compareOrder(left, right, operator);
  if (Number.isNaN(order)) return false;
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

/** Python's `item in container`. */
export function pythonContains(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw new PythonTypeError(`'in <string>' requires string as left operand, not ${pythonTypeName(item)}`);
    return container.includes(item);
  }
  if (Array.isArray(container)) return container.some((element) => pythonEquals(element, item));
  if (isPlainObject(container)) {
    hashKey(item);
    return typeof item === 'string' && Object.hasOwn(container, item);
  }
  if (container instanceof Detections) return pythonIterate(container).some((element) => pythonEquals(element, item));
  throw new PythonTypeError(`argument of type '${pythonTypeName(container)}' is not iterable`);
}

/** Python's `len()`. */
export function pythonLength(value: unknown): number {
  if (typeof value === 'string') return Array.from(value).length;
  if (Array.isArray(value)) return value.length;
  if (value instanceof Detections) return value.length;
  if (value instanceof Uint8Array) return value.length;
  if (value instanceof SingleDetection) return 6;
  if (isPlainObject(value)) return Object.keys(value).length;
  throw new PythonTypeError(`object of type '${pythonTypeName(value)}' has no len()`);
}

/** What `for item in value` walks: list items, characters, dict keys, detections rows. */
export function pythonIterate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(value);
  if (value instanceof Detections) return SingleDetection.rowsOf(value);
  if (value instanceof Uint8Array) return Array.from(value);
  if (isPlainObject(value)) return Object.keys(value);
  throw new PythonTypeError(`'${pythonTypeName(value)}' object is not iterable`);
}

/** `value[index]` for sequences (negative indices count from the end). */
export function pythonIndex(value: unknown, index: number): unknown {
  if (isPlainObject(value)) {
    throw new PythonValueError(String(index), 'KeyError');
  }
  const items = typeof value === 'string' || Array.isArray(value) ? pythonIterate(value) : undefined;
  if (items === undefined) throw new PythonTypeError(`'${pythonTypeName(value)}' object is not subscriptable`);
  const position = index < 0 ? items.length + index : index;
  if (position < 0 || position >= items.length) throw new PythonValueError(`${pythonTypeName(value)} index out of range`, 'IndexError');
  return items[position];
}

/**
 * A key standing for `value` in a dict or `Counter` (equal values share one, as `1`, `1.0` and `True` do
 * in Python); lists and dicts are unhashable.
 */
export function hashKey(value: unknown): unknown {
  if (value === null || value === undefined) return 'None';
  const number = asNumber(value);
  if (number !== undefined) return `n:${number}`;
  if (typeof value === 'string') return `s:${value}`;
  if (Array.isArray(value) || isPlainObject(value) || value instanceof SingleDetection) {
    throw new PythonTypeError(`unhashable type: '${pythonTypeName(value)}'`);
  }
  return value;
}

function isExactHalfAbove(text: string): boolean {
  return /^5(0*)$/.test(text);
}

/**
 * Python's `round(value, digits)`: the nearest multiple of 10^-digits, ties to even, computed on the
 * exact binary value (so `round(2.675, 2)` is 2.67 and `round(0.125, 2)` is 0.12).
 */
export function pythonRound(value: number, digits: number): number {
  if (!Number.isFinite(value)) {
    if (Number.isInteger(digits)) return value;
  }
  if (Number.isInteger(value) && digits >= 0) return value;
  if (digits < 0) {
    const scale = 10 ** -digits;
    const quotient = value / scale;
    const floor = Math.floor(quotient);
    const remainder = quotient - floor;
    const rounded = remainder > 0.5 ? floor + 1 : remainder < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
    return rounded * scale;
  }
  if (digits > 100) return value;
  const exact = Math.abs(value).toFixed(Math.min(100, digits + 60));
  const point = exact.indexOf('.');
  const tail = exact.slice(point + 1 + digits);
  const nearest = Number(value.toFixed(digits));
  if (!isExactHalfAbove(tail)) return nearest;
  // An exact tie: toFixed picked the larger magnitude; Python picks the even last digit.
  const kept = exact.slice(0, point + 1 + digits).replace('.', '');
  const lastDigit = Number(kept[kept.length - 1]);
  if (lastDigit % 2 === 0) {
    const truncated = Number(exact.slice(0, point + 1 + digits));
    return value < 0 ? -truncated : truncated;
  }
  return nearest;
}

/** Python's `json.dumps` with its default separators and `ensure_ascii`. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return numberRepr(value);
  }
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonJsonDumps(key)}: ${pythonJsonDumps(item)}`)
      .join(', ')}}`;
  }
  throw new PythonTypeError(`Object of type ${pythonTypeName(value)} is not JSON serializable`);
}

/** `datetime.isoformat(sep)` of a UTC timestamp: microseconds only when not zero, offset `+00:00`. */
export function pythonIsoFormat(value: Date, separator = 'T'): string {
  if (Number.isNaN(value.getTime())) return 'Invalid Date';
  const [seconds, millisecondsWithZone] = value.toISOString().split('.') as [string, string];
  const milliseconds = millisecondsWithZone.replace('Z', '');
  const text = milliseconds === '000' ? `${seconds}+00:00` : `${seconds}.${milliseconds}000+00:00`;
  return separator === 'T' ? text : text.replace('T', separator);
}
