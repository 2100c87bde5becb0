/**
 * Which fields of a serialised object hold Python floats. JavaScript has one number type, so `2.0`
 * and `2` are the same value; the reference prints the first where its value is a float. Kind
 * serialisers record their float fields here, beside the plain object (nothing is added to it, so
 * library users still get plain JSON values), and `stringifyJson` writes those fields with a `.0`
 * when they are integral.
 */
const floatFields = new WeakMap<object, readonly string[]>();

/** Marks every number in an array as a float (a batch of `float` values). */
export const EVERY_ITEM = '*';

/** Records that `keys` of `target` hold floats; returns `target`. Pass a shared key list: it is kept as is. */
export function markFloatFields<T extends object>(target: T, keys: readonly string[]): T {
  floatFields.set(target, keys);
  return target;
}

/** The float fields recorded for `target`, if any. */
export function floatFieldsOf(target: object): readonly string[] | undefined {
  return floatFields.get(target);
}
