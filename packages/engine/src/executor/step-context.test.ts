import { setFlagsFromString } from 'node:v8';
import { stringKind } from '@flow/kinds';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { BlockContext } from '../block/block-context.js';
import { defineBlock } from '../block/define-block.js';
import { defineBlockPack } from '../block/define-block-pack.js';
import { literalOrSelector } from '../block/selectors.js';
import { createEngine } from '../engine.js';

const seen: BlockContext[] = [];
const contextBlock = defineBlock<{ text: string }>({
  type: 'test/context_probe@v1',
  name: 'Context probe',
  blockType: 'transformation',
  shortDescription: 'Keeps the context it was given and reports usage.',
  manifest: z.object({ text: literalOrSelector(z.string(), [stringKind]) }),
  outputs: { text: [stringKind] },
  run: ({ text }, context) => {
    seen.push(context);
    context.usage.record({ provider: 'p', model: 'm', inputTokens: 3 });
    return { text };
  },
});
const workflow = createEngine({ packs: [defineBlockPack({ name: 'probe', blocks: [contextBlock] })] }).compile({
  version: '1.0',
  inputs: [{ type: 'WorkflowParameter', name: 'text' }],
  steps: [{ type: 'test/context_probe@v1', name: 'probe', text: '$inputs.text' }],
  outputs: [{ type: 'JsonField', name: 'text', selector: '$steps.probe.text' }],
});

// V8's own check of hidden classes; the flag applies to functions compiled after it is set.
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

describe('the context a block gets', () => {
  it('has one hidden class across runs (a per-run getter made a new one each run, kept by a transition young GCs treat as strong)', async () => {
    seen.length = 0;
    await workflow.run({ text: 'a' });
    await workflow.run({ text: 'b' }, { logger: { debug() {}, info() {}, warn() {}, error() {} } });
    expect(seen).toHaveLength(2);
    expect(haveSameMap(seen[0]!, seen[1]!)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(seen[0]!, 'signal')).toBeUndefined();
  });

  it('gives the run signal on demand, the caller’s logger and services, and tags usage with the step', async () => {
    seen.length = 0;
    const usage: unknown[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    const controller = new AbortController();
    await workflow.run({ text: 'a' }, { logger, services: { thing: 1 }, onUsage: (record) => usage.push(record), signal: controller.signal });
    const context = seen[0]!;
    expect(context.logger).toBe(logger);
    expect(context.services).toEqual({ thing: 1 });
    expect(context.step).toEqual({ name: 'probe', type: 'test/context_probe@v1' });
    expect(usage).toEqual([{ provider: 'p', model: 'm', inputTokens: 3, step: 'probe' }]);
    expect(context.signal).toBeInstanceOf(AbortSignal);
  });
});
