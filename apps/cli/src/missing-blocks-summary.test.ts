import { createEngine } from '@flow/engine';
import { formattersPack } from '@flow/blocks-formatters';
import { describe, expect, it } from 'vitest';
import { missingBlocksSummary } from './missing-blocks-summary.js';

const engine = createEngine({ packs: [formattersPack] });

function summaryOf(steps: unknown[]) {
  const result = engine.validate({ version: '1.0', inputs: [{ type: 'WorkflowImage', name: 'image' }], steps, outputs: [] });
  if (result.ok) throw new Error('expected compilation to fail');
  return missingBlocksSummary(result.problems);
}

describe('flow validate: the summary of missing block types', () => {
  it('separates Roboflow blocks not implemented yet from unknown names, counting repeats', () => {
    expect(
      summaryOf([
        { type: 'roboflow_core/continue_if@v1', name: 'a' },
        { type: 'roboflow_core/continue_if@v1', name: 'b' },
        { type: 'ContinueIf', name: 'c' },
        { type: 'roboflow_core/vlm_as_detectr@v2', name: 'd' },
      ]),
    ).toBe(
      'missing: 2 Roboflow block types Flow does not implement yet: roboflow_core/continue_if@v1 (2 steps), ContinueIf\n' +
        'missing: 1 unknown block type (not a Roboflow block; a typo, or a pack to install): roboflow_core/vlm_as_detectr@v2\n',
    );
  });

  it('is empty when every block type is installed', () => {
    expect(summaryOf([{ type: 'roboflow_core/vlm_as_classifier@v2', name: 'a' }])).toBe('');
  });
});
