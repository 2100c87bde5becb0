/** What `open_ai@v1` puts in a field the answer did not deliver. */
export const NOT_DETECTED = 'not_detected';

const FENCED_JSON = /```json\n([\s\S]*?)\n```/g;

function fieldsOf(text: string, fields: readonly string[]): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
    return Object.fromEntries(fields.map((field) => [field, Object.hasOwn(data, field) ? (data as Record<string, unknown>)[field] : NOT_DETECTED]));
  } catch {
    return Object.fromEntries(fields.map((field) => [field, NOT_DETECTED]));
  }
}

/**
 * `open_ai@v1`'s `structured_output`: the fields of `json_output_format` read from the answer (the whole
 * text, or its single ```json fenced block), `not_detected` for each one missing or unreadable. With no
 * format it is `{}`. Where the reference returns a list for several fenced blocks (and then fails the
 * step), we mark every field `not_detected`: which block was meant is unknowable.
 */
export function structuredOutputOf(answer: string, format: Record<string, string> | null | undefined): Record<string, unknown> {
  if (!format) return {};
  const fields = Object.keys(format);
  const blocks = [...answer.matchAll(FENCED_JSON)].map((match) => match[1]!);
  if (blocks.length === 0) return fieldsOf(answer, fields);
  if (blocks.length === 1) return fieldsOf(blocks[0]!, fields);
  return Object.fromEntries(fields.map((field) => [field, NOT_DETECTED]));
}
