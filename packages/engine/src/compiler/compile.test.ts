import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { WorkflowCompilationError } from '../errors/compilation-error.js';
import { testBlocksPack } from '../testing/test-blocks.js';

const engine = createEngine({ packs: [testBlocksPack] });

const valid = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'prompt', default_value: 'describe' },
  ],
  steps: [
    { type: 'test/describe_batch@v1', name: 'vlm', images: '$inputs.image', prompt: '$inputs.prompt' },
    { type: 'test/box@v1', name: 'box', image: '$inputs.image', text: '$steps.vlm.output' },
  ],
  outputs: [{ type: 'JsonField', name: 'boxes', selector: '$steps.box.predictions' }],
};

function problemsOf(definition: unknown) {
  const result = engine.validate(definition);
  if (result.ok) throw new Error('expected compilation to fail');
  return result.problems;
}

function withChanges(change: (definition: typeof valid) => void) {
  const copy = structuredClone(valid);
  change(copy);
  return copy;
}

describe('compile', () => {
  it('accepts a valid definition and orders steps by their dependencies', () => {
    const workflow = engine.compile(valid);
    expect(workflow.plan.steps.map((step) => step.name)).toEqual(['vlm', 'box']);
    expect(workflow.plan.steps.every((step) => step.isBatch)).toBe(true);
  });

  it.each(['1', '1.0', '1.3.0', '1.15.0', '1.15'])('accepts version %s', (version) => {
    expect(engine.validate({ ...valid, version }).ok).toBe(true);
  });

  it.each([
    ['0.1.0', 'UNSUPPORTED_VERSION', 'NotSupportedExecutionEngineError'],
    ['2.0.0', 'UNSUPPORTED_VERSION', 'NotSupportedExecutionEngineError'],
    ['1.16.0', 'UNSUPPORTED_VERSION', 'NotSupportedExecutionEngineError'],
    ['banana', 'INVALID_VERSION', 'WorkflowDefinitionError'],
  ])('rejects version %s', (version, code, errorType) => {
    const [problem] = problemsOf({ ...valid, version });
    expect(problem).toMatchObject({ code, errorType, status: 400, property: 'version' });
  });

  it('rejects a definition that is not an object or misses sections', () => {
    expect(problemsOf(null)[0]).toMatchObject({ code: 'INVALID_DEFINITION', errorType: 'WorkflowSyntaxError' });
    const problems = problemsOf({ version: '1.0' });
    expect(problems.map((problem) => problem.property).sort()).toEqual(['inputs', 'outputs', 'steps']);
  });

  it('suggests close names for an unknown block type', () => {
    const [problem] = problemsOf(withChanges((definition) => (definition.steps[1]!.type = 'test/bxo@v1')));
    expect(problem).toMatchObject({ code: 'UNKNOWN_BLOCK_TYPE', step: 'box', blockType: 'test/bxo@v1', property: 'type', status: 400 });
    expect(problem!.hint).toContain('"test/box@v1"');
  });

  it('accepts legacy aliases', () => {
    const definition = withChanges((copy) => copy.steps.push({ type: 'Upper', name: 'shout', text: '$steps.vlm.output' } as never));
    expect(engine.compile(definition).plan.steps.find((step) => step.name === 'shout')!.block.type).toBe('test/upper@v1');
  });

  it('reports invalid literals with the step and property', () => {
    const [problem] = problemsOf(withChanges((copy) => copy.steps.push({ type: 'test/upper@v1', name: 'shout', text: 'a', times: 9 } as never)));
    expect(problem).toMatchObject({ code: 'INVALID_STEP_PROPERTY', step: 'shout', property: 'times', errorType: 'WorkflowSyntaxError' });
  });

  it('reports every duplicate name', () => {
    const problems = problemsOf(
      withChanges((copy) => {
        copy.inputs.push({ type: 'WorkflowParameter', name: 'prompt' } as never);
        copy.steps.push({ ...copy.steps[1]! });
        copy.outputs.push({ ...copy.outputs[0]! });
      }),
    );
    expect(problems.map((problem) => [problem.code, problem.step, problem.property])).toEqual([
      ['DUPLICATE_NAME', '$inputs', 'prompt'],
      ['DUPLICATE_NAME', '$steps', 'box'],
      ['DUPLICATE_NAME', '$outputs', 'boxes'],
    ]);
    expect(problems[0]!.errorType).toBe('DuplicatedNameError');
  });

  it('reports dangling references to inputs, steps, step outputs and output targets, all at once', () => {
    const problems = problemsOf(
      withChanges((copy) => {
        copy.steps[0]!.images = '$inputs.picture';
        copy.steps[1]!.text = '$steps.vlm.answer';
        copy.steps.push({ type: 'test/count@v1', name: 'count', predictions: '$steps.nobody.predictions' } as never);
        copy.outputs.push({ type: 'JsonField', name: 'n', selector: '$steps.box.nothing' });
      }),
    );
    expect(problems.map((problem) => [problem.code, problem.errorType, problem.step, problem.property])).toEqual([
      ['INVALID_REFERENCE_TARGET', 'InvalidReferenceTargetError', 'vlm', 'images'],
      ['UNKNOWN_STEP_OUTPUT', 'ExecutionGraphStructureError', 'box', 'text'],
      ['INVALID_REFERENCE_TARGET', 'InvalidReferenceTargetError', 'count', 'predictions'],
      ['INVALID_REFERENCE_TARGET', 'InvalidReferenceTargetError', '$outputs', 'n'],
    ]);
    expect(problems[0]!.message).toBe("Workflow references '$inputs.picture' which points to a non-existent input parameter.");
    expect(problems[1]!.hint).toContain('"output"');
    expect(problems[2]!.hint).toBe('Known other steps: "vlm", "box".');
  });

  it('keeps checking references after a step fails to parse, without blaming references to that step', () => {
    const problems = problemsOf(
      withChanges((copy) => {
        copy.steps[0]!.type = 'test/nothing@v1';
        copy.steps[1]!.image = '$inputs.picture';
      }),
    );
    expect(problems.map((problem) => [problem.code, problem.step, problem.property])).toEqual([
      ['UNKNOWN_BLOCK_TYPE', 'vlm', 'type'],
      ['INVALID_REFERENCE_TARGET', 'box', 'image'],
    ]);
  });

  it('rejects malformed selectors in selector properties', () => {
    const [problem] = problemsOf(withChanges((copy) => (copy.steps[1]!.text = '$steps.vlm')));
    expect(problem).toMatchObject({ step: 'box', property: 'text', errorType: 'WorkflowSyntaxError' });
  });

  it('rejects a reference whose kinds do not fit the property', () => {
    const [problem] = problemsOf(withChanges((copy) => (copy.steps[1]!.text = '$steps.vlm.batch_size')));
    expect(problem).toMatchObject({ code: 'KIND_MISMATCH', errorType: 'ReferenceTypeError', step: 'box', property: 'text' });
    expect(problem!.message).toBe(
      'Failed to validate reference provided for step: $steps.box regarding property: text with value: $steps.vlm.batch_size. Allowed kinds of references for this property: [language_model_output]. Types of output for referred property: [integer].',
    );
  });

  it('detects cycles', () => {
    const definition = {
      version: '1.0',
      inputs: [],
      steps: [
        { type: 'test/upper@v1', name: 'a', text: '$steps.b.text' },
        { type: 'test/upper@v1', name: 'b', text: '$steps.a.text' },
      ],
      outputs: [],
    };
    const [problem] = problemsOf(definition);
    expect(problem).toMatchObject({ code: 'CYCLE', errorType: 'ExecutionGraphStructureError' });
    expect(problem!.message).toContain('"a", "b"');
  });

  it('refuses batch data in a scalar property of a whole-batch block', () => {
    const definition = withChanges((copy) => {
      copy.steps[0]!.prompt = '$steps.size.description';
      copy.steps.push({ type: 'test/image_size@v1', name: 'size', image: '$inputs.image' } as never);
    });
    expect(problemsOf(definition)[0]).toMatchObject({ code: 'BATCH_INTO_SCALAR_PROPERTY', step: 'vlm', property: 'prompt' });
  });

  it('refuses inline Python blocks with a clear 400', () => {
    const [problem] = problemsOf({ ...valid, dynamic_blocks_definitions: [{ manifest: {}, code: { run_function_code: 'import os' } }] });
    expect(problem).toMatchObject({ code: 'DYNAMIC_BLOCKS_NOT_ALLOWED', errorType: 'DynamicBlockError', status: 400 });
  });

  it('refuses batch inputs of dimensionality below one', () => {
    const [problem] = problemsOf({ ...valid, inputs: [...valid.inputs, { type: 'WorkflowBatchInput', name: 'crops', dimensionality: 0 }] });
    expect(problem).toMatchObject({ code: 'UNSUPPORTED_DIMENSIONALITY', property: 'crops', errorType: 'ExecutionGraphStructureError' });
    expect(problem!.message).toBe('Detected batch oriented input `crops` with declared dimensionality `0` which is below one (one is minimum dimensionality of the batch). Fix input definition in your Workflow.');
  });

  it('throws one error carrying every problem and the first one\'s type and status', () => {
    try {
      engine.compile(withChanges((copy) => (copy.steps[1]!.type = 'nope@v1')));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WorkflowCompilationError);
      const compilation = error as WorkflowCompilationError;
      expect(compilation.status).toBe(400);
      expect(compilation.errorType).toBe('WorkflowSyntaxError');
      expect(compilation.blocksErrors?.[0]).toMatchObject({ step: 'box', blockType: 'nope@v1', property: 'type' });
    }
  });
});
