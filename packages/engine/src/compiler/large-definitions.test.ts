import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { toReferenceErrorResponse } from '../errors/reference-error-body.js';
import { WorkflowCompilationError } from '../errors/compilation-error.js';
import { testBlocksPack } from '../testing/test-blocks.js';
import { MAX_HINT_NAMES, MAX_LISTED_PROBLEMS } from './hint-limits.js';

const engine = createEngine({ packs: [testBlocksPack] });

function compileError(definition: unknown): WorkflowCompilationError {
  try {
    engine.compile(definition);
  } catch (error) {
    if (error instanceof WorkflowCompilationError) return error;
    throw error;
  }
  throw new Error('expected the definition not to compile');
}

const upper = (name: string, text: string) => ({ type: 'test/upper@v1', name, text });

/** Definitions whose size a request controls: the work and the error must grow linearly with them. */
describe('compiling large definitions', () => {
  it('caps hints and the listed problems when thousands of references miss', () => {
    const count = 3_000;
    const definition = {
      version: '1.0',
      inputs: Array.from({ length: count }, (_, index) => ({ type: 'WorkflowParameter', name: `input_${index}` })),
      steps: Array.from({ length: count }, (_, index) => upper(`step_${index}`, `$steps.missing_${index}.text`)),
      outputs: Array.from({ length: count }, (_, index) => ({ type: 'JsonField', name: `out_${index}`, selector: '$inputs.zz' })),
    };
    const error = compileError(definition);
    expect(error.problems).toHaveLength(2 * count);
    expect(error.message).toContain(`(and ${2 * count - 1} more problems)`);
    const { body } = toReferenceErrorResponse(error);
    const blocksErrors = (body as { blocks_errors: Array<{ property_details: string }> }).blocks_errors;
    expect(blocksErrors).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(blocksErrors[0]!.property_details).toContain(`Known other steps: "step_1", "step_2"`);
    expect(blocksErrors[0]!.property_details).toContain(`(and ${count - 1 - MAX_HINT_NAMES} more)`);
    expect(error.details).toMatchObject({ omittedProblems: 2 * count - MAX_LISTED_PROBLEMS });
    // Each listed problem carries at most ten names: the body stays small whatever the definition holds.
    expect(JSON.stringify(body).length).toBeLessThan(100_000);
  });

  it('names the first steps of a cycle and how many more there are', () => {
    const count = 50;
    const steps = Array.from({ length: count }, (_, index) => upper(`s${index}`, `$steps.s${(index + 1) % count}.text`));
    const error = compileError({ version: '1.0', inputs: [], steps, outputs: [] });
    expect(error.problems[0]).toMatchObject({ code: 'CYCLE' });
    expect(error.problems[0]!.message).toContain(`(and ${count - MAX_HINT_NAMES} more)`);
  });

  it('orders a long chain written in reverse, and finds duplicates among thousands of names', () => {
    const count = 4_000;
    const steps = Array.from({ length: count }, (_, index) => {
      const position = count - 1 - index;
      return upper(`s${position}`, position === 0 ? 'start' : `$steps.s${position - 1}.text`);
    });
    const workflow = engine.compile({ version: '1.0', inputs: [], steps, outputs: [{ type: 'JsonField', name: 'last', selector: `$steps.s${count - 1}.text` }] });
    expect(workflow.plan.steps.map((step) => step.name).slice(0, 3)).toEqual(['s0', 's1', 's2']);
    expect(workflow.plan.steps.at(-1)!.name).toBe(`s${count - 1}`);

    const duplicated = [...steps, upper('s7', 'again')];
    expect(compileError({ version: '1.0', inputs: [], steps: duplicated, outputs: [] }).problems).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_NAME', property: 's7' }),
    ]);
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('refuses the built-in property %s as a step output with 400', (name) => {
    const error = compileError({
      version: '1.0',
      inputs: [],
      steps: [upper('s0', 'text'), upper('s1', `$steps.s0.${name}`)],
      outputs: [{ type: 'JsonField', name: 'out', selector: `$steps.s0.${name}` }],
    });
    expect(error.status).toBe(400);
    expect(error.problems.map((problem) => problem.code)).toEqual(['UNKNOWN_STEP_OUTPUT', 'INVALID_REFERENCE_TARGET']);
    expect(error.problems[0]!.message).toContain(`\`${name}\``);
  });

  it('does not compare a huge unknown block type with every known one', () => {
    const error = compileError({ version: '1.0', inputs: [], steps: [{ type: 'x'.repeat(500_000), name: 's' }], outputs: [] });
    expect(error.problems[0]).toMatchObject({ code: 'UNKNOWN_BLOCK_TYPE', hint: 'List the available blocks with `flow blocks`.' });
  });
});
