import { isIntegralFloatMember, PythonInt, writtenKeyOrder, type PythonValue } from '../json/python-json.js';
import { isDict } from './semantics.js';

/**
 * Python's `str(value)` for a JSON value read from `container[key]` (the container tells whether an
 * integral number was written as a float: `str(1.0)` is `"1.0"`, `str(1)` is `"1"`).
 */
export function pythonStr(value: PythonValue | undefined, container?: object, key?: string | number): string {
  if (typeof value === 'string') return value;
  return pythonRepr(value, container !== undefined && key !== undefined && isIntegralFloatMember(container, key));
}

/** Python's `repr(value)`; lists and dicts render their members with `repr`, as Python does. */
export function pythonRepr(value: PythonValue | undefined, writtenAsFloat = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) && !writtenAsFloat && !Object.is(value, -0) ? String(value) : floatRepr(value);
  if (value instanceof PythonInt) return value.text;
  if (typeof value === 'string') return stringRepr(value);
  if (Array.isArray(value)) return `[${value.map((item, index) => pythonRepr(item, isIntegralFloatMember(value, index))).join(', ')}]`;
  if (isDict(value)) {
    const entries = writtenKeyOrder(value).map((key) => `${stringRepr(key)}: ${pythonRepr(value[key], isIntegralFloatMember(value, key))}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/**
 * `repr(float)`: the shortest round-trip digits (the same digits JS picks), written positionally when
 * the decimal exponent is in [-4, 16) and with a two-digit exponent otherwise; integral values get `.0`.
 */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerDigits = exponent + 1;
  if (digits.length <= integerDigits) return `${sign}${digits}${'0'.repeat(integerDigits - digits.length)}.0`;
  return `${sign}${digits.slice(0, integerDigits)}.${digits.slice(integerDigits)}`;
}

/** Characters `str.isprintable()` rejects (other than the ASCII controls handled first). */
const nonPrintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** `repr(str)`: single quotes unless the text has `'` and no `"`; escapes as Python writes them. */
export function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\t') out += '\\t';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f) out += char;
    else if (code !== 0x20 && nonPrintable.test(char)) out += code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    else out += char;
  }
  return out + quote;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
