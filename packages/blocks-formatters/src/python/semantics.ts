import { PythonInt, type PythonDict, type PythonValue } from '../json/python-json.js';

/**
 * The Python exception a reference parser would raise at this point. Parsers throw it; the blocks catch
 * it and report `error_status: true`, as the reference does inside its `try`.
 */
export class PythonError extends Error {
  constructor(
    readonly pythonType: 'TypeError' | 'KeyError' | 'ValueError' | 'OverflowError' | 'UnicodeEncodeError',
    message: string,
  ) {
    super(`${pythonType}: ${message}`);
    this.name = 'PythonError';
  }
}

export function isDict(value: unknown): value is PythonDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PythonInt);
}

/** `isinstance(value, (int, float)) and not isinstance(value, bool)`. */
export function isPythonNumber(value: unknown): value is number | PythonInt {
  return typeof value === 'number' || value instanceof PythonInt;
}

/** Python's type name, for error messages. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (value instanceof PythonInt) return 'int';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/** `key in container` for a string key: dict membership, list element equality or substring test. */
export function pythonContains(container: PythonValue | undefined, key: string): boolean {
  if (isDict(container)) return Object.hasOwn(container, key);
  if (Array.isArray(container)) return container.includes(key);
  if (typeof container === 'string') return container.includes(key);
  throw new PythonError('TypeError', `argument of type '${pythonTypeName(container)}' is not iterable`);
}

/** `container[key]` for a string key: only a dict can answer, and only when it holds the key. */
export function getItem(container: PythonValue | undefined, key: string): PythonValue {
  if (!isDict(container)) {
    const type = pythonTypeName(container);
    const message = type === 'list' || type === 'str' ? `${type} indices must be integers or slices, not str` : `'${type}' object is not subscriptable`;
    throw new PythonError('TypeError', message);
  }
  if (!Object.hasOwn(container, key)) throw new PythonError('KeyError', `'${key}'`);
  return container[key]!;
}

/** `dict.get(key)`: the value, or undefined when absent. */
export function dictGet(dict: PythonDict, key: string): PythonValue | undefined {
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

/** `len(value)`; Python counts code points, which only matters here for "is it empty". */
export function pythonLength(value: PythonValue | undefined): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return [...value].length;
  if (isDict(value)) return Object.keys(value).length;
  throw new PythonError('TypeError', `object of type '${pythonTypeName(value)}' has no len()`);
}

/** `for item in value`: list elements, the characters of a string, or the keys of a dict. */
export function pythonIterate(value: PythonValue | undefined): PythonValue[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (isDict(value)) return Object.keys(value);
  throw new PythonError('TypeError', `'${pythonTypeName(value)}' object is not iterable`);
}

/** Python truthiness of a JSON value (`value or default`). */
export function isTruthy(value: PythonValue | undefined): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0; // NaN is truthy in Python too
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PythonInt) return true;
  if (value === true) return true;
  return Object.keys(value).length > 0;
}

/** `max(a, b)` for floats: the first argument unless the second is greater (so NaN in front survives). */
export function pythonMax(a: number, b: number): number {
  return b > a ? b : a;
}

/** `min(a, b)` for floats: the first argument unless the second is smaller. */
export function pythonMin(a: number, b: number): number {
  return b < a ? b : a;
}
