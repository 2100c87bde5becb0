import { wildcardKind } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineBlock, type BlockDefinition } from '../block/define-block.js';
import { defineBlockPack } from '../block/define-block-pack.js';
import { selector } from '../block/selectors.js';
import { createEngine } from '../engine.js';
import { testBlocksPack } from '../testing/test-blocks.js';

/** A two-property block (`a`, `b`) with the given dimensionality declarations, for block-interface errors. */
function pairBlock(name: string, declarations: Partial<Pick<BlockDefinition, 'inputDimensionalityOffsets' | 'dimensionalityReferenceProperty' | 'outputDimensionalityOffset'>>) {
  return defineBlock({
    type: `odd/${name}@v1`,
    name,
    blockType: 'transformation',
    shortDescription: '',
    manifest: z.object({ a: selector([wildcardKind]), b: selector([wildcardKind]).optional() }),
    outputs: { out: [wildcardKind] },
    ...declarations,
    run: () => ({ out: 1 }),
  });
}

const oddBlocks = defineBlockPack({
  name: 'odd',
  blocks: [
    pairBlock('plain', {}),
    pairBlock('no_zero', { inputDimensionalityOffsets: { a: 1, b: 1 } }),
    pairBlock('no_reference', { inputDimensionalityOffsets: { a: 0, b: 1 } }),
    pairBlock('offsets_and_output', { inputDimensionalityOffsets: { a: 0, b: 1 }, dimensionalityReferenceProperty: 'a', outputDimensionalityOffset: 1 }),
    pairBlock('scalar_reference', { inputDimensionalityOffsets: { a: 0, b: 1 }, dimensionalityReferenceProperty: 'b' }),
    pairBlock('too_far', { inputDimensionalityOffsets: { a: 0, b: 2 as 1 } }),
    pairBlock('negative', { inputDimensionalityOffsets: { a: -1 as 0 } }),
    pairBlock('below_zero', { inputDimensionalityOffsets: { a: 1, b: 0 }, dimensionalityReferenceProperty: 'a' }),
  ],
});

const engine = createEngine({ packs: [testBlocksPack, oddBlocks] });

const inputs = [
  { type: 'WorkflowImage', name: 'image' },
  { type: 'WorkflowParameter', name: 'param' },
];
/** Steps that make data at levels 1 (`size`), 2 (`strips`, `strip_size`, `other_strips`) and 3 (`quarters`). */
const levels = [
  { type: 'test/image_size@v1', name: 'size', image: '$inputs.image' },
  { type: 'test/strips@v1', name: 'strips', image: '$inputs.image' },
  { type: 'test/image_size@v1', name: 'strip_size', image: '$steps.strips.crops' },
  { type: 'test/strips@v1', name: 'other_strips', image: '$inputs.image' },
  { type: 'test/image_size@v1', name: 'other_size', image: '$steps.other_strips.crops' },
  { type: 'test/strips@v1', name: 'quarters', image: '$steps.other_strips.crops' },
  { type: 'test/image_size@v1', name: 'quarter_size', image: '$steps.quarters.crops' },
];

function problemOf(step: Record<string, unknown>) {
  const result = engine.validate({ version: '1.0', inputs, steps: [...levels, step], outputs: [] });
  if (result.ok) throw new Error('expected compilation to fail');
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
}

describe('dimensionality and lineage checks (reference StepInputDimensionalityError, StepInputLineageError, ...)', () => {
  it('accepts data at one level, and at two levels when offsets declare it', () => {
    expect(engine.validate({ version: '1.0', inputs, steps: [...levels, { type: 'odd/plain@v1', name: 'p', a: '$steps.strips.crops', b: '$steps.strip_size.width' }], outputs: [] }).ok).toBe(true);
    expect(engine.validate({ version: '1.0', inputs, steps: [...levels, { type: 'test/join@v1', name: 'j', prefix: '$steps.size.width', items: '$steps.strip_size.width' }], outputs: [] }).ok).toBe(true);
  });

  it('requires every batch input at one level when the block declares no reference property', () => {
    expect(problemOf({ type: 'odd/plain@v1', name: 's', a: '$inputs.image', b: '$steps.strip_size.description' })).toMatchObject({
      code: 'STEP_INPUT_DIMENSIONALITY',
      errorType: 'StepInputDimensionalityError',
      status: 400,
      step: 's',
      context: 'workflow_compilation | execution_graph_construction | denoting_step_inputs_dimensionality',
      message: "Block defining step s does not define dimensionality reference property, which means that all batch-oriented parameters must be at the same dimensionality level, but detected the following dimensionalities for parameters {'a': 1, 'b': 2}",
    });
  });

  it('refuses data whose levels differ by more than one', () => {
    expect(problemOf({ type: 'odd/plain@v1', name: 's', a: '$inputs.image', b: '$steps.quarter_size.description' })).toMatchObject({
      code: 'STEP_INPUT_DIMENSIONALITY',
      message: 'For step s attempted to plug input data differing in dimensionality more than 1',
      hint: "Dimensionality of input parameters differs by more than 1. Detected dimensions: {'a': {1}, 'b': {3}}",
    });
  });

  it('checks each property against its declared offset from the reference property', () => {
    expect(problemOf({ type: 'test/join@v1', name: 'j', prefix: '$steps.strip_size.width', items: '$steps.other_size.width' })).toMatchObject({
      code: 'STEP_INPUT_DIMENSIONALITY',
      property: 'items',
      message: 'Data fed into step `j` property `items` has actual dimensionality 2, when expected was 3',
      hint: 'Expected dimensionality 3, but received dimensionality 2',
    });
    expect(problemOf({ type: 'odd/below_zero@v1', name: 'z', a: '$steps.size.width', b: '$steps.size.width' })).toMatchObject({
      message: 'Given the definition of block defining step z and data provided, the block would expect batch input dimensionality to be 0 or below, which is invalid.',
    });
  });

  it('reports the step at fault, not the steps downstream of it', () => {
    const result = engine.validate({
      version: '1.0',
      inputs,
      steps: [...levels, { type: 'odd/plain@v1', name: 's', a: '$inputs.image', b: '$steps.strip_size.width' }, { type: 'test/gather@v1', name: 'after', values: '$steps.s.out' }],
      outputs: [],
    });
    expect(!result.ok && result.problems.map((problem) => problem.step)).toEqual(['s']);
  });

  it('refuses a collapse (output offset -1) of scalars', () => {
    expect(problemOf({ type: 'test/gather@v1', name: 'g', values: '$inputs.param' })).toMatchObject({
      code: 'STEP_INPUT_DIMENSIONALITY',
      context: 'workflow_compilation | execution_graph_construction | verification_of_output_offset',
      message: 'Block defining step g defines negative dimensionality offset while only scalar inputs being provided - the block cannot run as there is no dimension to collapse.',
    });
  });

  it('refuses a compound property mixing levels or lineages', () => {
    expect(problemOf({ type: 'test/coalesce@v1', name: 'c', values: ['$steps.size.width', '$steps.strip_size.width'] })).toMatchObject({
      code: 'STEP_INPUT_DIMENSIONALITY',
      property: 'values',
      message: 'While evaluating compound property values of step c, detected multiple inputs of differing batch dimensionalities: {1, 2}',
    });
    expect(problemOf({ type: 'test/coalesce@v1', name: 'c', values: ['$steps.strip_size.width', '$steps.other_size.width'] })).toMatchObject({
      code: 'STEP_INPUT_LINEAGE',
      errorType: 'StepInputLineageError',
      status: 500,
      message: "Input data provided for step: `c` comes with multiple different lineages [['<workflow_input>', '$steps.strips'], ['<workflow_input>', '$steps.other_strips']] for property `values` accepting multiple selectors, which is not allowed.",
    });
  });

  it('refuses inputs of different crops at the same level, and nested inputs of another branch', () => {
    expect(problemOf({ type: 'odd/plain@v1', name: 's', a: '$steps.strips.crops', b: '$steps.other_size.description' })).toMatchObject({
      code: 'STEP_INPUT_LINEAGE',
      context: 'workflow_compilation | execution_graph_construction | collecting_step_inputs_lineage',
      message: 'Among step `s` inputs found different lineages at the same  dimensionality levels dimensionality.',
    });
    expect(problemOf({ type: 'test/join@v1', name: 'j', prefix: '$steps.strip_size.width', items: '$steps.quarter_size.width' })).toMatchObject({
      code: 'STEP_INPUT_LINEAGE',
      message: "Step `j` inputs does not share common lineage. Differing element: ['<workflow_input>', '$steps.other_strips', '$steps.quarters'], reference lineage prefix: ['<workflow_input>', '$steps.strips']",
    });
  });

  it('refuses a flow-control decision over data the target does not get', () => {
    const result = engine.validate({
      version: '1.0',
      inputs,
      steps: [
        ...levels,
        { type: 'test/gate@v1', name: 'gate', value: '$steps.strip_size.width', pass_when: 1, next_steps: ['$steps.target'] },
        { type: 'test/upper@v1', name: 'target', text: '$steps.size.description' },
      ],
      outputs: [],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({
      code: 'CONTROL_FLOW_LINEAGE',
      errorType: 'ControlFlowDefinitionError',
      status: 500,
      step: 'target',
      message: "Step target execution is impacted by control flow outcome of the following steps ['$steps.gate'] which make decision based on data that is not compatible with data fed to the step target - which would cause the step to never execute. This behaviour is invalid and prevented upfront by Workflows compiler.",
    });
  });

  it('refuses decisions over different nested batches for a step that only has scalar inputs', () => {
    const result = engine.validate({
      version: '1.0',
      inputs,
      steps: [
        ...levels,
        { type: 'test/gate@v1', name: 'gate_a', value: '$steps.strip_size.width', pass_when: 1, next_steps: ['$steps.target'] },
        { type: 'test/gate@v1', name: 'gate_b', value: '$steps.other_size.width', pass_when: 1, next_steps: ['$steps.target'] },
        { type: 'test/upper@v1', name: 'target', text: '$inputs.param' },
      ],
      outputs: [],
    });
    expect(!result.ok && result.problems[0]).toMatchObject({ code: 'CONTROL_FLOW_LINEAGE', step: 'target' });
    expect(!result.ok && result.problems[0]!.message).toMatch(/following steps \['\$steps\.gate_(a|b)'\]/);
  });

  it('reports a branch to a step that does not exist', () => {
    expect(problemOf({ type: 'test/gate@v1', name: 'gate', value: '$inputs.param', pass_when: 1, next_steps: ['$steps.nowhere'] })).toMatchObject({
      code: 'INVALID_REFERENCE_TARGET',
      errorType: 'InvalidReferenceTargetError',
      property: 'next_steps',
      message: "Workflow references '$steps.nowhere' which points to a non-existent block.",
    });
  });

  it.each([
    ['negative', { a: '$steps.size.width' }, 'Offsets could not be negative, but block defining step: s defines that values.'],
    ['too_far', { a: '$steps.size.width' }, 'Offsets of input parameters could not differ more than 1, but block defining step s violates that rule.'],
    ['no_zero', { a: '$steps.size.width', b: '$steps.size.height' }, "Block defining step s explicitly defines input dimensionalities offsetswith {'a': 1, 'b': 1}, but the definition lack 0-level input, which is not allowed, as in this scenario offsets could be adjusted to include 0"],
    ['no_reference', { a: '$steps.size.width', b: '$steps.strip_size.width' }, "Block defining step s explicitly defines input dimensionality offsets {'a': 0, 'b': 1}. In this scenario it is required to provide dimensionality reference property."],
    ['offsets_and_output', { a: '$steps.size.width', b: '$steps.strip_size.width' }, "Block defining step s explicitly defines input dimensionality offsets {'a': 0, 'b': 1} and output dimensionality offset 1 where the latter is not 0, but for inputs differing with dimensionality it is only possible to keep output dimensionality the same and point reference parameter."],
    ['scalar_reference', { a: '$steps.size.width', b: '$inputs.param' }, 'Block defining step s defines dimensionality reference property which is not in scope of parameters bring batch-oriented input, which makes it impossible to use as reference for output dimensionality.'],
  ])('reports the block interface error of %s', (name, properties, message) => {
    expect(problemOf({ type: `odd/${name}@v1`, name: 's', ...properties })).toMatchObject({ code: 'BLOCK_INTERFACE_ERROR', errorType: 'BlockInterfaceError', status: 500, message });
  });
});
