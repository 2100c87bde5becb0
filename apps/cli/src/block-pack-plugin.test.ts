import { describe, expect, it } from 'vitest';
import { runFlow } from './test-support/run-flow.js';

// examples/block-pack is a third-party pack as its own npm package; the CLI loads its build (dist/) by
// FLOW_PLUGINS like any installed pack. `pnpm build` (and so `pnpm test`) builds it first.
describe('the example block pack through FLOW_PLUGINS', () => {
  const env = { FLOW_PLUGINS: './examples/block-pack' };

  it('adds its block to flow blocks', async () => {
    const { code, stdout } = await runFlow(['blocks'], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/acme\/class_count@v1/);
  });

  it('runs a workflow that uses it', async () => {
    const { code, stdout, stderr } = await runFlow(['run', 'examples/block-pack/test/count-pets.workflow.json', '--inputs', 'examples/block-pack/test/count-pets.inputs.json', '--compact'], { env });
    // The example leaves min_confidence to its default, which flow run says on stderr (issue 12).
    expect(stderr).toBe('flow run: warning: input "min_confidence" was not given; using its default 0.5\n');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).outputs).toEqual([{ counts: { cat: 2, dog: 1 }, total: 3 }]);
  });
});
