import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { testBlocksPack } from '../testing/test-blocks.js';
import { ROBOFLOW_BLOCK_TYPES, roboflowBlockType } from './roboflow-block-catalogue.js';

const engine = createEngine({ packs: [testBlocksPack] });

function problemsOf(steps: unknown[]) {
  const result = engine.validate({ version: '1.0', inputs: [{ type: 'WorkflowImage', name: 'image' }], steps, outputs: [] });
  if (result.ok) throw new Error('expected compilation to fail');
  return result.problems;
}

describe('the reference block catalogue', () => {
  it('knows the reference type ids and maps legacy aliases to them', () => {
    expect(ROBOFLOW_BLOCK_TYPES.length).toBeGreaterThan(150);
    expect(new Set(ROBOFLOW_BLOCK_TYPES).size).toBe(ROBOFLOW_BLOCK_TYPES.length);
    expect(roboflowBlockType('roboflow_core/continue_if@v1')).toBe('roboflow_core/continue_if@v1');
    expect(roboflowBlockType('ContinueIf')).toBe('roboflow_core/continue_if@v1');
    expect(roboflowBlockType('roboflow_core/google_gemini@v4')).toBe('roboflow_core/google_gemini@v4');
    expect(roboflowBlockType('roboflow_core/continue_iff@v1')).toBeUndefined();
    expect(roboflowBlockType('acme/word_count@v1')).toBeUndefined();
  });

  it('includes blocks whose manifest spells the type through a module constant (Literal[f"{TYPE}", ...])', () => {
    expect(roboflowBlockType('roboflow_core/keypoint_visualization@v1')).toBe('roboflow_core/keypoint_visualization@v1');
    expect(roboflowBlockType('MaskVisualization')).toBe('roboflow_core/mask_visualization@v1');
    expect(roboflowBlockType('ObjectDetectionModel')).toBe('roboflow_core/roboflow_object_detection_model@v1');
  });
});

describe('compiling a Roboflow block Flow does not implement', () => {
  it('is its own problem, not an unknown type with a typo hint', () => {
    const [problem, ...rest] = problemsOf([{ type: 'roboflow_core/continue_if@v1', name: 'gate' }]);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'UNIMPLEMENTED_ROBOFLOW_BLOCK', step: 'gate', blockType: 'roboflow_core/continue_if@v1', property: 'type', status: 400 });
    expect(problem!.message).toBe('`roboflow_core/continue_if@v1` is a Roboflow block that Flow does not implement yet.');
  });

  it('names the type id behind a legacy alias', () => {
    const [problem] = problemsOf([{ type: 'ContinueIf', name: 'gate' }]);
    expect(problem!.message).toBe('`ContinueIf` (`roboflow_core/continue_if@v1`) is a Roboflow block that Flow does not implement yet.');
  });

  it('keeps the typo hint for types the reference does not have', () => {
    const [problem] = problemsOf([{ type: 'roboflow_core/continue_iff@v1', name: 'gate' }]);
    expect(problem!.code).toBe('UNKNOWN_BLOCK_TYPE');
  });

  it('lists steps of unknown or unimplemented types among the known steps of a dangling reference', () => {
    const problems = problemsOf([
      { type: 'roboflow_core/continue_if@v1', name: 'gate' },
      { type: 'nobody/knows@v1', name: 'mystery' },
      { type: 'test/box@v1', name: 'box', image: '$inputs.image', text: '$steps.missing.output' },
    ]);
    const dangling = problems.find((problem) => problem.code === 'INVALID_REFERENCE_TARGET');
    expect(dangling!.hint).toBe('Known other steps: "gate", "mystery".');
  });
});
