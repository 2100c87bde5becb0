const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const placeholderPattern = /^<uuid-\d+>$/;

/**
 * Replaces values that differ on every run: UUIDs become `<uuid-N>` numbered by first appearance (so
 * "the same id twice" stays checkable) and image frame timestamps become `<timestamp>`.
 */
export function normalizeOutputs(value: unknown): unknown {
  const ids = new Map<string, string>();
  const visit = (item: unknown, key?: string): unknown => {
    if (typeof item === 'string') {
      if (key === 'frame_timestamp') return '<timestamp>';
      if (uuidPattern.test(item) || placeholderPattern.test(item)) {
        if (!ids.has(item)) ids.set(item, `<uuid-${ids.size}>`);
        return ids.get(item);
      }
      return item;
    }
    if (Array.isArray(item)) return item.map((element) => visit(element));
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([entryKey, entry]) => [entryKey, visit(entry, entryKey)]));
    }
    return item;
  };
  return visit(value);
}
