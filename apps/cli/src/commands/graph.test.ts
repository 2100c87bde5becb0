import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlow } from '../test-support/run-flow.js';

describe('flow graph', () => {
  it('prints the Mermaid DAG of the example workflow', async () => {
    const { code, stdout, stderr } = await runFlow(['graph', 'examples/workflows/detect-from-answer.workflow.json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'flowchart LR',
      '  input_0[/"$inputs.image<br/><i>WorkflowImage</i>"/]',
      '  input_1[/"$inputs.answer<br/><i>WorkflowParameter</i>"/]',
      '  input_2[/"$inputs.classes<br/><i>WorkflowParameter</i>"/]',
      '  step_0["<b>detector</b><br/>roboflow_core/vlm_as_detector@v2"]',
      '  output_0[["predictions"]]',
      '  output_1[["error_status"]]',
      '  input_0 -->|"image"| step_0',
      '  input_1 -->|"vlm_output"| step_0',
      '  input_2 -->|"classes"| step_0',
      '  step_0 -->|"predictions → predictions"| output_0',
      '  step_0 -->|"error_status → error_status"| output_1',
      '',
    ]);
  });

  it('prints Graphviz DOT with --format dot', async () => {
    const { code, stdout } = await runFlow(['graph', 'examples/workflows/detect-from-answer.workflow.json', '--format', 'dot']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^digraph workflow \{/);
    expect(stdout).toContain('  step_0 [shape=box, label="detector\\nroboflow_core/vlm_as_detector@v2"];');
    expect(stdout).toContain('  input_1 -> step_0 [label="vlm_output"];');
  });

  it('exits 2 on an unknown format and 1 with the problems when the workflow does not compile', async () => {
    const format = await runFlow(['graph', 'examples/workflows/detect-from-answer.workflow.json', '--format', 'svg']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format must be mermaid or dot, got "svg"/);
    const directory = await mkdtemp(join(tmpdir(), 'flow-graph-'));
    await writeFile(join(directory, 'bad.json'), JSON.stringify({ version: '1.0', inputs: [], steps: [{ type: 'nope/missing@v1', name: 's' }], outputs: [] }));
    const broken = await runFlow(['graph', 'bad.json'], { cwd: directory });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/step "s".*nope\/missing@v1/);
    expect(broken.stdout).toBe('');
  });
});
