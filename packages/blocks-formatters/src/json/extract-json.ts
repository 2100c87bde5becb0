import { decodePythonJson, rawDecodePythonJson, type PythonDict, type PythonValue } from './python-json.js';
import { isDict } from '../python/semantics.js';

/**
 * The first ```` ```json ```` fenced block, as the reference finds it: case-insensitive, non-greedy, the
 * text right after `json` included. The `u` flag makes case folding Unicode-aware like Python's `re`
 * (so `ſ` matches `s`).
 */
const jsonFenceOpening = /```json/iu;

/**
 * `jsonFencePattern.exec(text)?.[1]` for the pattern ```` /```json([\s\S]*?)```/iu ````, in linear time:
 * the leftmost opening wins, and its block ends at the first ```` ``` ```` after it; when there is none,
 * no later opening has one either. (The regex alone retries the lazy scan from every opening.)
 */
function firstJsonFence(text: string): string | undefined {
  const opening = jsonFenceOpening.exec(text);
  if (!opening) return undefined;
  const bodyStart = opening.index + opening[0].length;
  const end = text.indexOf('```', bodyStart);
  return end === -1 ? undefined : text.slice(bodyStart, end);
}

export type ExtractedJson = { ok: true; value: PythonValue } | { ok: false; reason: string };

/**
 * The reference `string2json`: parse the first fenced ```` ```json ```` block when there is one, else the
 * whole text, with Python `json.loads` rules. Later fenced blocks are ignored; an unclosed fence is no
 * fence. The root type is not checked here (the detector and the classifier treat odd roots differently).
 */
export function extractJson(vlmOutput: string): ExtractedJson {
  const fenced = firstJsonFence(vlmOutput);
  const decoded = decodePythonJson(fenced ?? vlmOutput);
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
 * limit, an over-long integer: not JSONDecodeError, so not caught there), and when the scan has read
 * more than `LOOSE_SCAN_BUDGET` times the text (a shape built to make it slow; the block then reports
 * `error_status` as for any answer it cannot read).
 *
 * Linear where the reference is quadratic: when decoding at a `{` fails, every object still open at the
 * failure would fail the same way if decoding started there (decoding a value reads the same characters
 * wherever it starts), so those starts are skipped without decoding again.
 */
export function findLooseObjects(text: string, keep: (dict: PythonDict) => boolean): PythonDict[] | null {
  const found: PythonDict[] = [];
  const knownFailures = new Set<number>();
  const openObjects: number[] = [];
  let budget = LOOSE_SCAN_BUDGET * text.length + 4096;
  let index = 0;
  for (;;) {
    const start = text.indexOf('{', index);
    if (start === -1) return found;
    if (knownFailures.has(start)) {
      index = start + 1;
      continue;
    }
    openObjects.length = 0;
    const decoded = rawDecodePythonJson(text, start, openObjects);
    budget -= (decoded.ok ? decoded.end : decoded.at) - start + 1;
    if (budget < 0) return null;
    if (!decoded.ok) {
      if (decoded.fatal) return null;
      for (const open of openObjects) knownFailures.add(open);
      index = start + 1;
      continue;
    }
    if (isDict(decoded.value) && keep(decoded.value)) found.push(decoded.value);
    index = decoded.end;
  }
}

/** How many times its length the loose-object scan may read a text before it gives up. */
export const LOOSE_SCAN_BUDGET = 8;
