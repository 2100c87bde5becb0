/**
 * Which fields of a serialised object hold Python floats. JavaScript has one number type, so `2.0`
 * and `2` are the same value; the reference prints the first where its value is a float. Kind
 * serialisers record their float fields on the object under a non-enumerable symbol: invisible to
 * JSON.stringify, Object.keys, for-in, spread and structuredClone, so library users still get plain
 * JSON values, and `stringifyJson` writes those fields with a `.0` when they are integral.
 *
 * A symbol property, not a WeakMap beside the object: a WeakMap entry cost ~0.5 µs per object (an
 * identity hash and an ephemeron-table slot for every detection), and the property costs a shared
 * hidden-class transition.
 */
const FLOAT_FIELDS = Symbol('flow.floatFields');

/** Marks every number in an array as a float (a batch of `float` values). */
export const EVERY_ITEM = '*';

type Marked = { [FLOAT_FIELDS]?: readonly string[] };

/** Marks of frozen or sealed objects, which cannot take a property. */
const marksOfFixedObjects = new WeakMap<object, readonly string[]>();

/** Records that `keys` of `target` hold floats; returns `target`. Pass a shared key list: it is kept as is. */
export function markFloatFields<T extends object>(target: T, keys: readonly string[]): T {
  if (!Object.isExtensible(target)) marksOfFixedObjects.set(target, keys);
  else if (Object.hasOwn(target, FLOAT_FIELDS)) (target as Marked)[FLOAT_FIELDS] = keys;
  else Object.defineProperty(target, FLOAT_FIELDS, { value: keys, writable: true, configurable: true, enumerable: false });
  return target;
}

/** The float fields recorded for `target`, if any. */
export function floatFieldsOf(target: object): readonly string[] | undefined {
  return Object.isExtensible(target) ? (target as Marked)[FLOAT_FIELDS] : (marksOfFixedObjects.get(target) ?? (target as Marked)[FLOAT_FIELDS]);
}
