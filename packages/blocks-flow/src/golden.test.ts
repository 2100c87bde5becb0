import { fileURLToPath } from 'node:url';
import { formattersPack } from '@flow/blocks-formatters';
import { transformationsPack } from '@flow/blocks-transformations';
import { createEngine } from '@flow/engine';
import { assertGoldenWorkflow, loadGoldenWorkflows, runGoldenWorkflow, testBlocksPack } from '@flow/engine/testing';
import { describe, expect, it, vi } from 'vitest';
import { flowPack } from './pack.js';

const engine = createEngine({ packs: [flowPack, formattersPack, transformationsPack, testBlocksPack] });
const fixtures = await loadGoldenWorkflows(fileURLToPath(new URL('../golden', import.meta.url)));

describe('golden workflows', () => {
  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    assertGoldenWorkflow(await runGoldenWorkflow(engine, fixture));
  });
});

describe('compile-time validation of the query language', () => {
  it('names the step, the property and the operation at fault', () => {
    const definition = {
      version: '1.0',
      inputs: [{ type: 'WorkflowParameter', name: 'word' }],
      steps: [{ type: 'PropertyDefinition', name: 'rounded', data: '$inputs.word', operations: [{ type: 'StringToUpperCase' }, { type: 'NumberRound', decimal_digits: 'two' }] }],
      outputs: [{ type: 'JsonField', name: 'out', selector: '$steps.rounded.output' }],
    };
    expect(() => engine.compile(definition)).toThrow(
      'Step "rounded" (PropertyDefinition) has an invalid property "operations.1.decimal_digits": operation NumberRound: decimal_digits: Invalid input: expected number, received string.',
    );
  });
});

describe('continue_if stop_delay across runs of one compiled workflow', () => {
  it('keeps the branch open for stop_delay seconds after the condition last held', async () => {
    const workflow = engine.compile({
      version: '1.0',
      inputs: [{ type: 'WorkflowParameter', name: 'count' }],
      steps: [
        {
          type: 'ContinueIf',
          name: 'gate',
          condition_statement: {
            type: 'StatementGroup',
            statements: [{ type: 'BinaryStatement', left_operand: { type: 'DynamicOperand', operand_name: 'count' }, comparator: { type: '(Number) >' }, right_operand: { type: 'StaticOperand', value: 3 } }],
          },
          evaluation_parameters: { count: '$inputs.count' },
          next_steps: ['$steps.after'],
          stop_delay: 5,
        },
        { type: 'PropertyDefinition', name: 'after', data: '$inputs.count', operations: [{ type: 'ToString' }] },
      ],
      outputs: [{ type: 'JsonField', name: 'after', selector: '$steps.after.output' }],
    });
    let now = 1_000_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      expect(workflow.serialize(await workflow.run({ count: 5 }))).toEqual([{ after: '5' }]);
      now += 3000;
      expect(workflow.serialize(await workflow.run({ count: 0 }))).toEqual([{ after: '0' }]);
      now += 4000;
      expect(workflow.serialize(await workflow.run({ count: 0 }))).toEqual([{ after: null }]);
    } finally {
      clock.mockRestore();
    }
  });
});
