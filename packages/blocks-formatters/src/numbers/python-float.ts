import { PythonInt } from '../json/python-json.js';
import { PythonError, pythonMax, pythonMin, pythonTypeName } from '../python/semantics.js';

/** Characters Python's `str.isspace()` accepts beyond ASCII (those become plain spaces before parsing). */
const unicodeSpaces = new Set([0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
const decimalDigit = /\p{Nd}/u;
const floatGrammar = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/**
 * A JSON number, boolean (`True` is 1) or big integer as a double, as Python's arithmetic and `float()`
 * see them; undefined for anything else. Integers too large for a double raise OverflowError.
 */
export function realNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof PythonInt) {
    const approximate = value.approximate;
    if (!Number.isFinite(approximate)) throw new PythonError('OverflowError', 'int too large to convert to float');
    return approximate;
  }
  return undefined;
}

/**
 * Python's `float(value)` for a JSON value: numbers pass, booleans become 1.0/0.0, strings are parsed
 * with Python's rules (surrounding Unicode whitespace, Unicode decimal digits, `_` between digits,
 * `inf`/`infinity`/`nan` in any case). Anything else raises, as in Python: `null`, `""`, `"0x10"`,
 * `"high"`, lists and objects, and integers too large for a double (OverflowError).
 */
export function pythonFloat(value: unknown): number {
  const real = realNumber(value);
  if (real !== undefined) return real;
  if (typeof value === 'string') return parseFloatString(value);
  throw new PythonError('TypeError', `float() argument must be a string or a real number, not '${pythonTypeName(value)}'`);
}

function parseFloatString(text: string): number {
  const ascii = toAsciiNumber(text);
  if (ascii === undefined) throw invalid(text);
  let body = ascii.trim();
  if (body.includes('_')) {
    // PEP 515: an underscore only between two digits.
    if (!/^[^_]*(?:\d_(?=\d)[^_]*)*$/.test(body)) throw invalid(text);
    body = body.replace(/_/g, '');
  }
  if (!floatGrammar.test(body)) throw invalid(text);
  const lower = body.toLowerCase();
  const unsigned = lower.replace(/^[+-]/, '');
  if (unsigned === 'nan') return Number.NaN;
  if (unsigned === 'inf' || unsigned === 'infinity') return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return Number(body);
}

/**
 * What CPython does before parsing: Unicode whitespace becomes a space and Unicode decimal digits their
 * ASCII digit; any other non-ASCII character makes the text invalid. ASCII whitespace for `trim` is the
 * C `isspace` set plus the separators 0x1c–0x1f that Python also treats as whitespace.
 */
function toAsciiNumber(text: string): string | undefined {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      out += (code >= 0x1c && code <= 0x1f) || code === 0x0b || code === 0x0c ? ' ' : char;
    } else if (unicodeSpaces.has(code)) {
      out += ' ';
    } else if (decimalDigit.test(char)) {
      out += String(decimalValue(code));
    } else {
      return undefined;
    }
  }
  return out;
}

/** Unicode keeps every decimal digit set contiguous, 0 to 9; the value is the offset in its run. */
function decimalValue(code: number): number {
  let start = code;
  while (start > 0 && decimalDigit.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

function invalid(text: string): PythonError {
  return new PythonError('ValueError', `could not convert string to float: '${text}'`);
}

/** `min(max(float(value), 0.0), 1.0)`: the reference confidence rule; NaN survives, as in Python. */
export function clampConfidence(value: unknown): number {
  return pythonMin(pythonMax(pythonFloat(value), 0), 1);
}
