/**
 * A JSON decoder that accepts exactly what Python's `json.loads` accepts and keeps the distinctions the
 * reference parsers depend on. `JSON.parse` is not enough because:
 * - Python accepts the bare literals `NaN`, `Infinity` and `-Infinity`;
 * - the Muse recovery needs Python's `raw_decode` (decode one value at an offset, report where it ends);
 * - `str()` of a label tells `1` from `1.0`, and integers beyond 2^53 keep every digit in Python.
 *
 * Objects come back with a null prototype, so `"constructor"` or `"__proto__"` keys are plain data and
 * lookups never reach `Object.prototype`.
 */

/** An integer literal too large for a double to hold exactly (|n| > 2^53). Python keeps it exact. */
export class PythonInt {
  constructor(
    /** The literal as written (optional `-`, then digits). */
    readonly text: string,
  ) {}

  /** The nearest double, or ±Infinity when Python's `float(n)` would raise OverflowError. */
  get approximate(): number {
    return Number(this.text);
  }
}

/** A decoded JSON object: a null-prototype record. */
export interface PythonDict {
  [key: string]: PythonValue;
}

export type PythonValue = null | boolean | number | string | PythonInt | PythonValue[] | PythonDict;

/** Containers whose member (by key or index) was written as a float literal with an integral value (`1.0`, `2e3`). */
const integralFloatMembers = new WeakMap<object, Set<string | number>>();

/** Key order of objects whose keys JS would reorder (integer-like keys), as the text wrote them. */
const writtenKeyOrders = new WeakMap<object, string[]>();

/** True when `container[key]` was written as a float literal such as `1.0` (Python `float`, not `int`). */
export function isIntegralFloatMember(container: object, key: string | number): boolean {
  return integralFloatMembers.get(container)?.has(key) ?? false;
}

/** The keys of a decoded object in the order the text wrote them (Python dict order). */
export function writtenKeyOrder(dict: PythonDict): string[] {
  return writtenKeyOrders.get(dict) ?? Object.keys(dict);
}

/** Python caps int() conversion of decimal strings at 4300 digits (ValueError since 3.11 / security releases). */
const MAX_INT_DIGITS = 4300;
/**
 * Python raises RecursionError on deep nesting. The exact depth depends on the interpreter's stack at
 * the call; 1000 (the default recursion limit) is the closest fixed figure.
 */
const MAX_DEPTH = 1000;

/** Keys JS objects list first, in numeric order (canonical array indices below 2^32 - 1). */
const arrayIndexLike = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Why decoding stopped. Not an `Error`: failing fast matters when a scan retries at every `{`, and a
 * stack trace per attempt is the dominant cost. `fatal` marks what Python raises as something other than
 * JSONDecodeError (RecursionError, the int-digits ValueError), which `raw_decode` callers do not catch.
 */
class DecodeFailure {
  constructor(
    readonly message: string,
    readonly fatal = false,
  ) {}
}

export type DecodeResult = { ok: true; value: PythonValue } | { ok: false; reason: string };
export type RawDecodeResult = { ok: true; value: PythonValue; end: number } | { ok: false; reason: string; fatal: boolean; at: number };

/** `json.loads(text)`: one value, surrounded by optional JSON whitespace. */
export function decodePythonJson(text: string): DecodeResult {
  const fast = decodeWithJsonParse(text);
  return fast === undefined ? decodeCharByChar(text) : { ok: true, value: fast };
}

/**
 * Texts where `JSON.parse` could differ from Python: exponents and integral floats (`1e3`, `2.0` are
 * floats to Python), 16 or more digits (beyond exact doubles), `-0` (an int zero in Python), integer-like
 * keys (JS reorders them). Conservative: a match anywhere, even inside a string, takes the slow path.
 */
const unsafeForJsonParse = /\d[eE]|\d\.0*(?![0-9])|\d(?:\.?\d){15}|-0(?!\.)|"\d+"\s*:/;

/**
 * The fast path: `JSON.parse` (native, several times faster) when the text has none of the forms where
 * it differs from Python, then its objects given null prototypes. Undefined sends the text to the exact
 * decoder (it also gives the error messages, and reads `NaN`/`Infinity`).
 */
function decodeWithJsonParse(text: string): PythonValue | undefined {
  if (unsafeForJsonParse.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return toPythonValue(parsed, 0);
}

/**
 * Turns `JSON.parse`'s objects into null-prototype records in place; undefined when nesting passes Python's
 * limit. In place, not copied: a copy made with `Object.create(null)` is a dictionary-mode object in V8
 * (hash-table properties, ~1 KB each), and reading boxes out of those was slower than the parse itself.
 * `setPrototypeOf` keeps the parsed objects' fast shapes, shared by every object of the same keys.
 */
function toPythonValue(value: unknown, depth: number): PythonValue | undefined {
  if (typeof value !== 'object' || value === null) return value as PythonValue;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === 'object' && item !== null && toPythonValue(item, depth + 1) === undefined) return undefined;
    }
    return value as PythonValue[];
  }
  Object.setPrototypeOf(value, null);
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null && toPythonValue(item, depth + 1) === undefined) return undefined;
  }
  return record as PythonDict;
}

/** `json.loads` by Python's grammar, one character at a time. */
export function decodeCharByChar(text: string): DecodeResult {
  const decoder = new Decoder(text);
  try {
    decoder.skipWhitespace();
    const value = decoder.value(0);
    decoder.skipWhitespace();
    if (decoder.index !== text.length) throw new DecodeFailure(`Extra data at position ${decoder.index}`);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DecodeFailure) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * `JSONDecoder().raw_decode(text, start)`: one value starting exactly at `start`; no whitespace skipping.
 * A `fatal` failure is one Python raises as RecursionError / ValueError rather than JSONDecodeError.
 */
export function rawDecodePythonJson(text: string, start: number, openObjects?: number[]): RawDecodeResult {
  const decoder = new Decoder(text, start, openObjects);
  try {
    const value = decoder.value(0);
    return { ok: true, value, end: decoder.index };
  } catch (error) {
    if (error instanceof DecodeFailure) return { ok: false, reason: error.message, fatal: error.fatal, at: decoder.index };
    throw error;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

class Decoder {
  index: number;

  constructor(
    private readonly text: string,
    start = 0,
    /** When given, the start of every object being decoded; after a failure it holds the ones left open. */
    private readonly openObjects?: number[],
  ) {
    this.index = start;
  }

  skipWhitespace(): void {
    const text = this.text;
    let i = this.index;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.index = i;
  }

  private fail(what: string, fatal = false): never {
    throw new DecodeFailure(`${what} at position ${this.index}`, fatal);
  }

  value(depth: number): PythonValue {
    const text = this.text;
    const c = text.charCodeAt(this.index);
    switch (c) {
      case QUOTE:
        return this.string();
      case 0x7b /* { */:
        return this.object(depth + 1);
      case 0x5b /* [ */:
        return this.array(depth + 1);
      case 0x6e /* n */:
        return this.literal('null', null);
      case 0x74 /* t */:
        return this.literal('true', true);
      case 0x66 /* f */:
        return this.literal('false', false);
      case 0x4e /* N */:
        return this.literal('NaN', Number.NaN);
      case 0x49 /* I */:
        return this.literal('Infinity', Number.POSITIVE_INFINITY);
      case 0x2d /* - */:
        if (text.startsWith('-Infinity', this.index)) return this.literal('-Infinity', Number.NEGATIVE_INFINITY);
        return this.number();
      default:
        if (c >= 0x30 && c <= 0x39) return this.number();
        return this.fail('Expecting value');
    }
  }

  private literal<T extends PythonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.index)) this.fail('Expecting value');
    this.index += word.length;
    return value;
  }

  /** The number grammar of Python's scanner; a literal with a fraction or exponent is a float. */
  private number(): number | PythonInt {
    const text = this.text;
    const start = this.index;
    let i = start;
    if (text.charCodeAt(i) === 0x2d) i++;
    const first = text.charCodeAt(i);
    if (first >= 0x31 && first <= 0x39) {
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    } else if (first === 0x30) {
      i++;
    } else {
      this.fail('Expecting value');
    }
    let isFloat = false;
    if (text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i + 1))) {
      isFloat = true;
      i += 2;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      let j = i + 1;
      const sign = text.charCodeAt(j);
      if (sign === 0x2d || sign === 0x2b) j++;
      const digitsStart = j;
      while (isDigit(text.charCodeAt(j))) j++;
      if (j > digitsStart) {
        isFloat = true;
        i = j;
      }
    }
    this.index = i;
    const literal = text.slice(start, i);
    if (isFloat) {
      const value = Number(literal);
      if (Number.isInteger(value)) this.pendingIntegralFloat = true;
      return value;
    }
    const digits = literal.charCodeAt(0) === 0x2d ? literal.length - 1 : literal.length;
    if (digits > MAX_INT_DIGITS) this.fail('Integer literal exceeds the 4300-digit conversion limit', true);
    const value = Number(literal);
    if (Number.isSafeInteger(value)) return value === 0 ? 0 : value; // Python ints have no -0
    return new PythonInt(literal);
  }

  /** Set by `number()` when the last value was an integral float; the container records it. */
  private pendingIntegralFloat = false;

  private string(): string {
    const text = this.text;
    let i = this.index + 1;
    let chunkStart = i;
    let result = '';
    for (;;) {
      if (i >= text.length) this.fail('Unterminated string');
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        result += text.slice(chunkStart, i);
        this.index = i + 1;
        return result;
      }
      if (c < 0x20) {
        this.index = i;
        this.fail('Invalid control character');
      }
      if (c !== BACKSLASH) {
        i++;
        continue;
      }
      result += text.slice(chunkStart, i);
      const escape = text.charCodeAt(i + 1);
      switch (escape) {
        case QUOTE:
          result += '"';
          break;
        case BACKSLASH:
          result += '\\';
          break;
        case 0x2f:
          result += '/';
          break;
        case 0x62:
          result += '\b';
          break;
        case 0x66:
          result += '\f';
          break;
        case 0x6e:
          result += '\n';
          break;
        case 0x72:
          result += '\r';
          break;
        case 0x74:
          result += '\t';
          break;
        case 0x75 /* u */: {
          const code = parseHex4(text, i + 2);
          if (code < 0) {
            this.index = i;
            this.fail('Invalid \\uXXXX escape');
          }
          // Escaped surrogate halves become UTF-16 code units, so a pair joins by itself and a lone half stays.
          result += String.fromCharCode(code);
          i += 4;
          break;
        }
        default:
          this.index = i;
          this.fail('Invalid \\escape');
      }
      i += 2;
      chunkStart = i;
    }
  }

  private object(depth: number): PythonDict {
    if (depth > MAX_DEPTH) this.fail('Maximum nesting depth exceeded', true);
    const text = this.text;
    const dict = Object.create(null) as PythonDict;
    this.openObjects?.push(this.index);
    // Written key order, kept only once an integer-like key shows up (before that JS order is written order).
    let keys: string[] | undefined;
    this.index++;
    this.skipWhitespace();
    if (text.charCodeAt(this.index) === 0x7d) {
      this.index++;
      this.openObjects?.pop();
      return dict;
    }
    for (;;) {
      if (text.charCodeAt(this.index) !== QUOTE) this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.skipWhitespace();
      if (text.charCodeAt(this.index) !== 0x3a) this.fail("Expecting ':' delimiter");
      this.index++;
      this.skipWhitespace();
      this.pendingIntegralFloat = false;
      const value = this.value(depth);
      const isNewKey = !(key in dict);
      dict[key] = value;
      if (this.pendingIntegralFloat) {
        memberSet(dict).add(key);
        this.pendingIntegralFloat = false;
      } else if (!isNewKey) {
        integralFloatMembers.get(dict)?.delete(key);
      }
      if (keys) {
        if (isNewKey) keys.push(key);
      } else if (isNewKey && isArrayIndexLike(key)) {
        keys = Object.keys(dict).filter((existing) => existing !== key);
        keys.push(key);
      }
      this.skipWhitespace();
      const next = text.charCodeAt(this.index);
      if (next === 0x7d) {
        this.index++;
        break;
      }
      if (next !== 0x2c) this.fail("Expecting ',' delimiter");
      this.index++;
      this.skipWhitespace();
    }
    if (keys) writtenKeyOrders.set(dict, keys);
    this.openObjects?.pop();
    return dict;
  }

  private array(depth: number): PythonValue[] {
    if (depth > MAX_DEPTH) this.fail('Maximum nesting depth exceeded', true);
    const text = this.text;
    const list: PythonValue[] = [];
    this.index++;
    this.skipWhitespace();
    if (text.charCodeAt(this.index) === 0x5d) {
      this.index++;
      return list;
    }
    for (;;) {
      this.pendingIntegralFloat = false;
      list.push(this.value(depth));
      if (this.pendingIntegralFloat) {
        memberSet(list).add(list.length - 1);
        this.pendingIntegralFloat = false;
      }
      this.skipWhitespace();
      const next = text.charCodeAt(this.index);
      if (next === 0x5d) {
        this.index++;
        return list;
      }
      if (next !== 0x2c) this.fail("Expecting ',' delimiter");
      this.index++;
      this.skipWhitespace();
    }
  }
}

function memberSet(container: object): Set<string | number> {
  let set = integralFloatMembers.get(container);
  if (!set) {
    set = new Set();
    integralFloatMembers.set(container, set);
  }
  return set;
}

function isArrayIndexLike(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 0x30 && first <= 0x39 && arrayIndexLike.test(key) && Number(key) < 4294967295;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function parseHex4(text: string, at: number): number {
  if (at + 4 > text.length) return -1;
  let code = 0;
  for (let k = 0; k < 4; k++) {
    const c = text.charCodeAt(at + k);
    let digit: number;
    if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) digit = c - 0x57;
    else if (c >= 0x41 && c <= 0x46) digit = c - 0x37;
    else return -1;
    code = code * 16 + digit;
  }
  return code;
}
