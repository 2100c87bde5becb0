/** An sRGB colour. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** supervision's named colours (`sv.Color.WHITE` ...), which the reference accepts by name. */
const namedColors: Record<string, string> = {
  WHITE: 'FFFFFF',
  BLACK: '000000',
  RED: 'FF0000',
  GREEN: '00FF00',
  BLUE: '0000FF',
  YELLOW: 'FFFF00',
  ROBOFLOW: 'A351FB',
};

export function hexToRgb(hex: string): Rgb | undefined {
  let digits = hex.replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(digits)) digits = [...digits].map((digit) => digit + digit).join('');
  if (!/^[0-9a-f]{6}$/i.test(digits)) return undefined;
  return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
}

function tupleOf(text: string): [number, number, number] | undefined {
  const match = /^\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*$/.exec(text);
  if (!match) return undefined;
  const values = match.slice(1).map(Number) as [number, number, number];
  return values.every((value) => value <= 255) ? values : undefined;
}

/**
 * Reads a colour the way the reference's `str_to_color` does: `#RRGGBB` (or `#RGB`), `rgb(R, G, B)`,
 * `bgr(B, G, R)` or a supervision colour name (WHITE, BLACK, RED, GREEN, BLUE, YELLOW, ROBOFLOW).
 */
export function parseColor(text: string): Rgb {
  const invalid = () => new Error(`Invalid color: ${text}; valid formats are #RRGGBB, rgb(R, G, B), bgr(B, G, R), or a color name (${Object.keys(namedColors).join(', ')}).`);
  if (text.startsWith('#')) return hexToRgb(text) ?? (() => { throw invalid(); })();
  const functional = /^(rgb|bgr)\((.*)\)$/i.exec(text.trim());
  if (functional) {
    const tuple = tupleOf(functional[2]!);
    if (!tuple) throw invalid();
    const [first, second, third] = tuple;
    return functional[1]!.toLowerCase() === 'rgb' ? { r: first, g: second, b: third } : { r: third, g: second, b: first };
  }
  const named = namedColors[text.toUpperCase()];
  if (named) return hexToRgb(named)!;
  throw invalid();
}

export function rgbToCss({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}
