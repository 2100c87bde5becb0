/** The formatters' fence: case-insensitive, the first block only, no newline required (reference `string2json`). */
const jsonFencePattern = /```json([\s\S]*?)```/i;

export interface ParsedJsonFields {
  /** True when the text is not JSON, its root is not an object, or a field is missing. */
  error_status: boolean;
  fields: Record<string, unknown>;
}

/**
 * The reference json_parser: parse the first ```` ```json ```` block, else the whole text; each expected
 * field gets its value, or null when it is missing (then `error_status` is true). A text that is not
 * JSON, or whose root is not an object, gives null for every field and `error_status` true — except with
 * no expected fields, where a non-object root is not an error (the reference checks nothing then).
 */
export function parseJsonFields(rawJson: string, expectedFields: readonly string[]): ParsedJsonFields {
  const fenced = jsonFencePattern.exec(rawJson);
  let data: unknown;
  try {
    data = JSON.parse(fenced ? fenced[1]! : rawJson);
  } catch {
    return { error_status: true, fields: nullFields(expectedFields) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { error_status: expectedFields.length > 0, fields: nullFields(expectedFields) };
  }
  let missing = false;
  const fields: Record<string, unknown> = {};
  for (const field of expectedFields) {
    if (Object.hasOwn(data, field)) fields[field] = (data as Record<string, unknown>)[field];
    else {
      missing = true;
      fields[field] = null;
    }
  }
  return { error_status: missing, fields };
}

function nullFields(expectedFields: readonly string[]): Record<string, null> {
  return Object.fromEntries(expectedFields.map((field) => [field, null]));
}
