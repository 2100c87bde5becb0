/** What a key gets when the answer has no value for it (the reference's marker). */
export const NOT_DETECTED = 'not_detected';

/**
 * Fenced blocks as the LMM blocks find them: case-sensitive ```` ```json ````, a newline right after it and
 * right before the closing fence (stricter than the formatters' pattern, on purpose: it is the reference's).
 */
const lmmFencePattern = /```json\n([\s\S]*?)\n```/g;

/**
 * The reference's `try_parse_lmm_output_to_json`: no fenced block → parse the whole text; one → parse it;
 * several → one result per block (a list). Each parse maps every expected key to the answer's value, or
 * `not_detected` when the key is absent or the text is not a JSON object. An explicit `null` stays null.
 */
export function parseLmmOutput(text: string, expectedKeys: readonly string[]): Record<string, unknown> | Array<Record<string, unknown>> {
  const blocks = [...text.matchAll(lmmFencePattern)].map((match) => match[1]!);
  if (blocks.length === 0) return pickExpectedKeys(text, expectedKeys);
  if (blocks.length === 1) return pickExpectedKeys(blocks[0]!, expectedKeys);
  return blocks.map((block) => pickExpectedKeys(block, expectedKeys));
}

/**
 * What the LMM blocks output: `parseLmmOutput`, except that several fenced blocks (where the reference
 * crashes the step) give `not_detected` for every key, as an unreadable answer does.
 */
export function structuredLmmOutput(text: string | null, expectedKeys: readonly string[]): Record<string, unknown> {
  const parsed = text === null ? undefined : parseLmmOutput(text, expectedKeys);
  if (parsed === undefined || Array.isArray(parsed)) return Object.fromEntries(expectedKeys.map((key) => [key, NOT_DETECTED]));
  return parsed;
}

/** The reference's `try_parse_json`. */
export function pickExpectedKeys(text: string, expectedKeys: readonly string[]): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  const result: Record<string, unknown> = {};
  for (const key of expectedKeys) {
    result[key] = isObject && Object.hasOwn(data as object, key) ? (data as Record<string, unknown>)[key] : NOT_DETECTED;
  }
  return result;
}
