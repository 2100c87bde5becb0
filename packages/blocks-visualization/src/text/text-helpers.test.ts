import { Detections } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { parseColor } from '../color/colors.js';
import { paletteColor, resolvePalette } from '../color/palettes.js';
import { anchorOf, labelBackground } from '../drawing/label-layout.js';
import { detectionLabels } from './detection-labels.js';
import { pythonFixed } from './python-fixed.js';
import { labelFont } from './label-font.js';
import { outlineText } from './text-outline.js';

describe('pythonFixed', () => {
  it('rounds like Python format(x, ".2f"): exact ties to even, everything else from the binary value', () => {
    expect([0.125, 0.375, 0.94, 0.885, 2.675, 1, -0.004, 12.5].map((value) => pythonFixed(value, 2))).toEqual(['0.12', '0.38', '0.94', '0.89', '2.67', '1.00', '-0.00', '12.50']);
    expect(pythonFixed(0.5, 0)).toBe('0');
    expect(pythonFixed(1.5, 0)).toBe('2');
    expect(pythonFixed(99.996, 2)).toBe('100.00');
  });
});

describe('parseColor', () => {
  it('reads hex, rgb(), bgr() and supervision colour names', () => {
    expect(parseColor('#FF4040')).toEqual({ r: 255, g: 64, b: 64 });
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255 });
    expect(parseColor('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3 });
    expect(parseColor('bgr(1, 2, 3)')).toEqual({ r: 3, g: 2, b: 1 });
    expect(parseColor('black')).toEqual({ r: 0, g: 0, b: 0 });
  });

  it('says which formats are valid otherwise', () => {
    for (const bad of ['#GG0000', 'rgb(300, 0, 0)', 'ochre', 'rgb(1,2)']) expect(() => parseColor(bad)).toThrow(/valid formats are #RRGGBB/);
  });
});

describe('palettes', () => {
  it('wraps indices both ways like Python modulo', () => {
    const palette = resolvePalette('CUSTOM', 10, ['#000001', '#000002', '#000003']);
    expect([-1, 0, 3, 4].map((index) => paletteColor(palette, index).b)).toEqual([3, 1, 1, 2]);
  });

  it('samples a Matplotlib qualitative map palette_size times and refuses maps it does not have', () => {
    expect(resolvePalette('Matplotlib Tab10', 10, [])).toHaveLength(10);
    expect(resolvePalette('Matplotlib Tab10', 5, []).map((color) => color.r)).toEqual([0x1f, 0x2c, 0x8c, 0x7f, 0x17]);
    expect(() => resolvePalette('Matplotlib Viridis', 10, [])).toThrow(/not supported here/);
    expect(() => resolvePalette('CUSTOM', 10, [])).toThrow(/needs at least one colour/);
  });
});

describe('detectionLabels', () => {
  const detections = new Detections([[10.7, 20.2, 50.9, 80.4], [0, 0, 3, 4]], [0.125, 0.999], [1, 0], { class_name: ['dog', 'cat'], tracker_id: [7, null], colour: ['brown', ''] });
  it('writes each text option as the reference does', () => {
    expect(detectionLabels(detections, 'Class')).toEqual(['dog', 'cat']);
    expect(detectionLabels(detections, 'Confidence')).toEqual(['0.12', '1.00']);
    expect(detectionLabels(detections, 'Class and Confidence')).toEqual(['dog 0.12', 'cat 1.00']);
    expect(detectionLabels(detections, 'Index')).toEqual(['0', '1']);
    expect(detectionLabels(detections, 'Dimensions')).toEqual(['30, 50 40x60', '1, 2 3x4']);
    expect(detectionLabels(detections, 'Area')).toEqual(['2420', '12']);
    expect(detectionLabels(detections, 'Tracker Id')).toEqual(['7', 'No Tracker ID']);
    expect(detectionLabels(detections, 'Time In Zone')).toEqual(['In zone: N/A', 'In zone: N/A']);
    expect(detectionLabels(detections, 'colour')).toEqual(['brown', '']);
    expect(() => detectionLabels(detections, 'nothing')).toThrow(/Invalid text type: nothing/);
  });
});

describe('label placement', () => {
  it('anchors labels like supervision: TOP_LEFT above the corner, BOTTOM_RIGHT below, CENTER centred', () => {
    const box = [10, 20, 110, 220];
    expect(labelBackground(anchorOf(box, 'TOP_LEFT'), 40, 30, 'TOP_LEFT')).toEqual([10, -10, 50, 20]);
    expect(labelBackground(anchorOf(box, 'BOTTOM_RIGHT'), 40, 30, 'BOTTOM_RIGHT')).toEqual([70, 220, 110, 250]);
    expect(labelBackground(anchorOf(box, 'CENTER'), 41, 31, 'CENTER')).toEqual([40, 105, 80, 135]);
  });
});

describe('outlineText', () => {
  it('draws text from the bundled font: wider for longer text, taller for a larger scale, deterministic', async () => {
    const font = await labelFont();
    const short = outlineText(font, 'cat', 1);
    expect(short.height).toBe(22);
    expect(outlineText(font, 'cat 0.88', 1).width).toBeGreaterThan(short.width);
    expect(outlineText(font, 'cat', 2).height).toBe(44);
    expect(outlineText(font, 'cat', 1).path).toBe(short.path);
    expect(short.path).toMatch(/^M[\d.-]+/);
    expect(outlineText(font, ' ', 1).path).toBe('');
  });
});
