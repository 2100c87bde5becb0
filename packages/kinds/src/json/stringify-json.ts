import { randomBytes } from 'node:crypto';
import { EVERY_ITEM, floatFieldsOf } from './float-fields.js';

/** Python prints floats from 1e16 up in exponent form; below that an integral float is `<digits>.0`. */
const PLAIN_FLOAT_LIMIT = 1e16;

/**
 * A per-process token a client cannot guess, so no string it sends can be taken for a float mark.
 * An integral float is replaced, in a copy, by the string `<token><digits>`; JSON.stringify writes it as
 * `"<token><digits>"`, which the pass after it turns into `<digits>.0`.
 */
const token = `\u2063flow-float-${randomBytes(9).toString('hex')}:`;
const markPattern = new RegExp(`"${token}(-?\\d+)"`, 'g');

/** An integral float as a string JSON.stringify writes unescaped (no toJSON: that leaves its fast path). */
function floatMark(value: number): string {
  return `${token}${Object.is(value, -0) ? '-0' : String(value)}`;
}

/**
 * JSON text of `value` where the fields kind serialisers marked as floats (`markFloatFields`) print as
 * the reference prints them: `2.0`, not `2`. Everything else is JSON.stringify's. When no marked field is
 * integral, the value is written by JSON.stringify as it is (about 1.1x its time, for the walk); otherwise
 * only the objects on the way to such a field are copied (about 3x for ten pixel boxes: ~10 µs).
 */
export function stringifyJson(value: unknown, indent?: number): string {
  const marked = markIntegralFloats(value);
  const text = JSON.stringify(marked, null, indent);
  return marked === value ? text : text.replace(markPattern, '$1.0');
}

/** `value` itself when it holds no integral float in a marked field, else a copy with those numbers marked. */
function markIntegralFloats(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const floats = floatFieldsOf(value);
  if (Array.isArray(value)) {
    const everyItem = floats?.includes(EVERY_ITEM) === true;
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const next = everyItem && isPlainIntegral(item) ? floatMark(item) : markIntegralFloats(item);
      if (next !== item) (copy ??= value.slice())[index] = next;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const item = record[key];
    const next = floats !== undefined && isPlainIntegral(item) && floats.includes(key) ? floatMark(item) : markIntegralFloats(item);
    if (next !== item) (copy ??= { ...record })[key] = next;
  }
  return copy ?? value;
}

function isPlainIntegral(item: unknown): item is number {
  return typeof item === 'number' && Number.isInteger(item) && Math.abs(item) < PLAIN_FLOAT_LIMIT;
}
