const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|<uuid-\d+>/gi;

/**
 * Replaces values that differ on every run: UUIDs, alone or inside a string (`image_slicer.<uuid>`), become
 * `<uuid-N>` numbered by first appearance (so "the same id twice" stays checkable) and image frame
 * timestamps become `<timestamp>`.
 */
export function normalizeOutputs(value: unknown): unknown {
  const ids = new Map<string, string>();
  const visit = (item: unknown, key?: string): unknown => {
    if (typeof item === 'string') {
      if (key === 'frame_timestamp') return '<timestamp>';
      return item.replace(uuidPattern, (id) => {
        if (!ids.has(id)) ids.set(id, `<uuid-${ids.size}>`);
        return ids.get(id)!;
      });
    }
    if (Array.isArray(item)) return item.map((element) => visit(element));
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([entryKey, entry]) => [entryKey, visit(entry, entryKey)]));
    }
    return item;
  };
  return visit(value);
}
