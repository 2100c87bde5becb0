import { hexToRgb, parseColor, type Rgb } from './colors.js';

/** supervision's `ColorPalette.DEFAULT`. */
const defaultPalette = ['A351FB', 'FF4040', 'FFA1A0', 'FF7633', 'FFB633', 'D1D435', '4CFB12', '94CF1A', '40DE8A', '1B9640', '00D6C1', '2E9CAA', '00C4FF', '364797', '6675FF', '0019EF', '863AFF', '530087', 'CD3AFF', 'FF97CA', 'FF39C9'];
/** supervision's `ColorPalette.ROBOFLOW`. */
const roboflowPalette = ['C28DFC', 'A351FB', '8315F9', '6706CE', '5905B3', '4D049A'];

/**
 * Matplotlib's qualitative colour maps, which `from_matplotlib(name, n)` samples at `linspace(0, 1, n)`
 * over the map's own colours (so the n-th pick is an index into this list).
 */
const qualitative: Record<string, string[]> = {
  Tab10: ['1F77B4', 'FF7F0E', '2CA02C', 'D62728', '9467BD', '8C564B', 'E377C2', '7F7F7F', 'BCBD22', '17BECF'],
  Set1: ['E41A1C', '377EB8', '4DAF4A', '984EA3', 'FF7F00', 'FFFF33', 'A65628', 'F781BF', '999999'],
  Set2: ['66C2A5', 'FC8D62', '8DA0CB', 'E78AC3', 'A6D854', 'FFD92F', 'E5C494', 'B3B3B3'],
  Dark2: ['1B9E77', 'D95F02', '7570B3', 'E7298A', '66A61E', 'E6AB02', 'A6761D', '666666'],
  Pastel1: ['FBB4AE', 'B3CDE3', 'CCEBC5', 'DECBE4', 'FED9A6', 'FFFFCC', 'E5D8BD', 'FDDAEC', 'F2F2F2'],
  Pastel2: ['B3E2CD', 'FDCDAC', 'CBD5E8', 'F4CAE4', 'E6F5C9', 'FFF2AE', 'F1E2CC', 'CCCCCC'],
  Accent: ['7FC97F', 'BEAED4', 'FDC086', 'FFFF99', '386CB0', 'F0027F', 'BF5B17', '666666'],
};

/** Palette names the reference lists; the continuous Matplotlib maps among them are not built here. */
export const PALETTE_NAMES = [
  'DEFAULT',
  'CUSTOM',
  'ROBOFLOW',
  'Matplotlib Viridis',
  'Matplotlib Plasma',
  'Matplotlib Inferno',
  'Matplotlib Magma',
  'Matplotlib Cividis',
  'Matplotlib Pastel1',
  'Matplotlib Pastel2',
  'Matplotlib Paired',
  'Matplotlib Accent',
  'Matplotlib Dark2',
  'Matplotlib Set1',
  'Matplotlib Set2',
  'Matplotlib Set3',
  'Matplotlib Tab10',
  'Matplotlib Tab20',
  'Matplotlib Tab20b',
  'Matplotlib Tab20c',
] as const;

function sampled(colors: string[], size: number): Rgb[] {
  // matplotlib ListedColormap(linspace(0, 1, n)) picks floor(t * N) clipped to N - 1.
  const count = Math.max(1, Math.trunc(size));
  return Array.from({ length: count }, (_, index) => {
    const t = count === 1 ? 0 : index / (count - 1);
    return hexToRgb(colors[Math.min(colors.length - 1, Math.floor(t * colors.length))]!)!;
  });
}

/**
 * The colours of a palette, as the reference's `getPalette` builds them: CUSTOM from `custom_colors`,
 * DEFAULT and ROBOFLOW fixed, Matplotlib qualitative maps sampled `palette_size` times.
 */
export function resolvePalette(name: string, paletteSize: number, customColors: readonly string[]): Rgb[] {
  if (name === 'CUSTOM') {
    if (customColors.length === 0) throw new Error('color_palette CUSTOM needs at least one colour in custom_colors.');
    return customColors.map(parseColor);
  }
  if (name === 'DEFAULT') return defaultPalette.map((hex) => hexToRgb(hex)!);
  if (name === 'ROBOFLOW') return roboflowPalette.map((hex) => hexToRgb(hex)!);
  const mapName = name.replace(/^Matplotlib /, '');
  const colors = qualitative[mapName];
  if (colors) return sampled(colors, paletteSize);
  throw new Error(`color_palette "${name}" is not supported here (supported: DEFAULT, CUSTOM, ROBOFLOW, ${Object.keys(qualitative).map((key) => `Matplotlib ${key}`).join(', ')}).`);
}

/** The palette entry for an index, wrapping both ways like the reference's palette (`idx % len`, Python modulo). */
export function paletteColor(palette: readonly Rgb[], index: number): Rgb {
  const length = palette.length;
  return palette[((index % length) + length) % length]!;
}
