/**
 * The JSON text length of `value` (escapes aside), or Infinity as soon as it passes `limit`. It walks
 * the value without writing anything, so an answer too big to send is refused before it is built (a
 * shared string, such as one image echoed in every batch element, counts once per place it appears,
 * as it would be written).
 */
export function jsonSizeWithin(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length + 2;
    else if (typeof item === 'number') total += 24;
    else if (item === null || typeof item !== 'object') total += 5;
    else if (Array.isArray(item)) {
      total += 2 + item.length;
      for (let index = item.length - 1; index >= 0; index--) stack.push(item[index]);
    } else {
      const record = item as Record<string, unknown>;
      for (const key in record) {
        if (!Object.hasOwn(record, key)) continue;
        total += key.length + 4;
        stack.push(record[key]);
      }
      total += 2;
    }
    if (total > limit) return Number.POSITIVE_INFINITY;
  }
  return total;
}
