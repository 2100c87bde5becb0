import { defineBlock, flowControl, literalOrSelector, selector, stepSelector } from '@flow/engine';
import { floatKind, wildcardKind } from '@flow/kinds';
import { compileStatementGroup, statementGroupSchema, type StatementGroup } from '@flow/query-language';
import { z } from 'zod';

export interface ContinueIfInputs {
  condition_statement: StatementGroup;
  evaluation_parameters: Record<string, unknown>;
  next_steps: string[];
  stop_delay: number;
}

/**
 * When the condition last held, per step: the reference keeps it on the block instance, one per
 * compiled workflow; the step's condition object is just as long-lived, so it keys the same state.
 */
const lastPassedAt = new WeakMap<object, number>();

const manifest = z.object({
  condition_statement: statementGroupSchema(
    'The condition to evaluate, a StatementGroup of the query language; dynamic operands name keys of evaluation_parameters.',
  ),
  evaluation_parameters: z
    .record(z.string(), selector([wildcardKind]))
    .default({})
    .meta({ description: 'Operand name to the value it stands for (a selector of an input or step output).' }),
  next_steps: z.array(stepSelector()).meta({ description: 'The steps to continue with when the condition holds; with none, the branch always stops.' }),
  stop_delay: literalOrSelector(z.number().min(0), [floatKind], {
    description: 'Seconds the branch stays open after the condition stops holding (0: stop at once).',
  }).default(0),
});

/** `roboflow_core/continue_if@v1` (alias `ContinueIf`): continue with `next_steps` only while a condition holds. */
export const continueIfV1 = defineBlock<ContinueIfInputs, typeof manifest>({
  type: 'roboflow_core/continue_if@v1',
  aliases: ['ContinueIf'],
  name: 'Continue If',
  blockType: 'flow_control',
  shortDescription: 'Conditionally stop execution of a branch.',
  longDescription:
    'Evaluates a query-language condition against the evaluation parameters. When it holds, execution continues with next_steps; otherwise the branch stops for this element (its steps yield nothing). With stop_delay, the branch stays open that many seconds after the condition last held.',
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'flow_control', icon: 'fak fa-branching', blockPriority: 0, popular: true } },
  manifest,
  outputs: {},
  run: ({ condition_statement, evaluation_parameters, next_steps, stop_delay }) => {
    if (next_steps.length === 0) return flowControl(null);
    const holds = compileStatementGroup(condition_statement)(evaluation_parameters);
    if (holds) {
      if (stop_delay > 0) lastPassedAt.set(condition_statement, Date.now());
      return flowControl(next_steps);
    }
    const passedAt = lastPassedAt.get(condition_statement);
    if (passedAt !== undefined && (Date.now() - passedAt) / 1000 <= stop_delay) return flowControl(next_steps);
    return flowControl(null);
  },
});
