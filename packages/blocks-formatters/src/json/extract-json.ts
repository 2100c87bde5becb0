import { decodePythonJson, rawDecodePythonJson, type PythonDict, type PythonValue } from './python-json.js';
import { isDict } from '../python/semantics.js';

/**
 * The first ```` ```json ```` fenced block, as the reference finds it: case-insensitive, non-greedy, the
 * text right after `json` included. The `u` flag makes case folding Unicode-aware like Python's `re`
 * (so `ſ` matches `s`).
 */
const jsonFencePattern = /```json([\s\S]*?)```/iu;

export type ExtractedJson = { ok: true; value: PythonValue } | { ok: false; reason: string };

/**
 * The reference `string2json`: parse the first fenced ```` ```json ```` block when there is one, else the
 * whole text, with Python `json.loads` rules. Later fenced blocks are ignored; an unclosed fence is no
 * fence. The root type is not checked here (the detector and the classifier treat odd roots differently).
 */
export function extractJson(vlmOutput: string): ExtractedJson {
  const fenced = jsonFencePattern.exec(vlmOutput);
  const decoded = decodePythonJson(fenced ? fenced[1]! : vlmOutput);
  return decoded.ok ? { ok: true, value: decoded.value } : { ok: false, reason: decoded.reason };
}

/** `extractJson` for detectors: only an object or array root counts as parsed. */
export function extractDetectorJson(vlmOutput: string): ExtractedJson {
  const extracted = extractJson(vlmOutput);
  if (extracted.ok && !isDict(extracted.value) && !Array.isArray(extracted.value)) {
    return { ok: false, reason: 'The JSON root is neither an object nor an array' };
  }
  return extracted;
}

/**
 * Objects written one after another without a surrounding array (`{...}, {...}`), as the reference's
 * Muse recovery finds them: decode a value at every `{`; on failure move one character on, on success
 * continue after the decoded value (so objects nested in it are not visited again). Only objects that
 * `keep` accepts are returned.
 *
 * Returns null where the reference raises out of the scan (nesting deeper than Python's recursion
 * limit, an over-long integer: not JSONDecodeError, so not caught there). Stopping there also keeps a
 * deeply nested text from costing a full descent per `{`.
 */
export function findLooseObjects(text: string, keep: (dict: PythonDict) => boolean): PythonDict[] | null {
  const found: PythonDict[] = [];
  let index = 0;
  for (;;) {
    const start = text.indexOf('{', index);
    if (start === -1) return found;
    const decoded = rawDecodePythonJson(text, start);
    if (!decoded.ok) {
      if (decoded.fatal) return null;
      index = start + 1;
      continue;
    }
    if (isDict(decoded.value) && keep(decoded.value)) found.push(decoded.value);
    index = decoded.end;
  }
}
