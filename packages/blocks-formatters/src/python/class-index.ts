import { PythonInt } from '../json/python-json.js';
import { isDict, PythonError, pythonTypeName } from './semantics.js';

/**
 * A key with Python dict equality: `1`, `1.0` and `True` are the same key, strings never equal numbers,
 * and lists/dicts are unhashable (TypeError). NaN gets a fresh key, since two NaNs from a JSON text are
 * distinct objects that never compare equal.
 */
export function pythonHashKey(value: unknown): string | symbol {
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'boolean') return value ? 'n:1' : 'n:0';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return Symbol('nan');
    return `n:${value === 0 ? 0 : value}`;
  }
  if (value instanceof PythonInt) {
    const approximate = value.approximate;
    return Number.isFinite(approximate) && BigInt(value.text) === BigInt(approximate) ? `n:${approximate}` : `n:${value.text}`;
  }
  if (value === null || value === undefined) return 'None';
  if (Array.isArray(value) || isDict(value) || typeof value === 'object') {
    throw new PythonError('TypeError', `unhashable type: '${pythonTypeName(value)}'`);
  }
  return `o:${String(value)}`;
}

/**
 * The reference `create_classes_index`: `{name: index for index, name in enumerate(classes)}`. A
 * repeated name keeps its first position and takes its last index (Python dict semantics; a `Map` keeps
 * the position of the first `set`). `classes` must be iterable: `None` raises TypeError.
 */
export class ClassIndex {
  private readonly ids = new Map<string | symbol, { name: unknown; id: number }>();

  constructor(classes: unknown) {
    if (!Array.isArray(classes)) throw new PythonError('TypeError', `'${pythonTypeName(classes)}' object is not iterable`);
    classes.forEach((name, index) => {
      const key = pythonHashKey(name);
      const existing = this.ids.get(key);
      if (existing) existing.id = index;
      else this.ids.set(key, { name, id: index });
    });
  }

  /** `index.get(name, -1)`. */
  idOf(name: unknown): number {
    return this.ids.get(pythonHashKey(name))?.id ?? -1;
  }

  has(name: unknown): boolean {
    return this.ids.has(pythonHashKey(name));
  }

  /** Adds a name with an id unless already present (keeps the first position). */
  addIfMissing(name: unknown, id: number): void {
    const key = pythonHashKey(name);
    if (!this.ids.has(key)) this.ids.set(key, { name, id });
  }

  /** `(name, id)` pairs in dict order. */
  entries(): Array<[name: unknown, id: number]> {
    return [...this.ids.values()].map((entry) => [entry.name, entry.id]);
  }
}
