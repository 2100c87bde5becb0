import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { testBlocksPack } from '../testing/test-blocks.js';
import { renderDot } from './render-dot.js';
import { renderMermaid } from './render-mermaid.js';
import { buildWorkflowGraph } from './workflow-graph.js';

const engine = createEngine({ packs: [testBlocksPack] });

const definition = {
  version: '1.0',
  inputs: [
    { type: 'WorkflowImage', name: 'image' },
    { type: 'WorkflowParameter', name: 'prompt', default_value: 'say "hi"' },
    { type: 'WorkflowParameter', name: 'word' },
  ],
  steps: [
    { type: 'test/describe_batch@v1', name: 'vlm', images: '$inputs.image', prompt: '$inputs.prompt' },
    { type: 'test/box@v1', name: 'box', image: '$inputs.image', text: '$steps.vlm.output', class_name: 'cat' },
    { type: 'test/echo@v1', name: 'echo', value: '$steps.box.predictions', list: ['$inputs.word', 'literal', '$steps.vlm.output'] },
  ],
  outputs: [
    { type: 'JsonField', name: 'boxes', selector: '$steps.box.predictions' },
    { type: 'JsonField', name: 'everything', selector: '$steps.echo.*' },
  ],
};

describe('buildWorkflowGraph', () => {
  const graph = buildWorkflowGraph(engine.compile(definition).plan);

  it('has a node per input, step and output, steps carrying their block type', () => {
    expect(graph.nodes.map((node) => [node.role, node.name, node.type])).toEqual([
      ['input', 'image', 'WorkflowImage'],
      ['input', 'prompt', 'WorkflowParameter'],
      ['input', 'word', 'WorkflowParameter'],
      ['step', 'vlm', 'test/describe_batch@v1'],
      ['step', 'box', 'test/box@v1'],
      ['step', 'echo', 'test/echo@v1'],
      ['output', 'boxes', 'JsonField'],
      ['output', 'everything', 'JsonField'],
    ]);
  });

  it('has one edge per selector, labelled with the property it feeds; literals make none', () => {
    const name = new Map(graph.nodes.map((node) => [node.id, node.name]));
    expect(graph.edges.map((edge) => `${name.get(edge.from)}.${edge.sourceOutput ?? ''} -> ${name.get(edge.to)}.${edge.label}`)).toEqual([
      'image. -> vlm.images',
      'prompt. -> vlm.prompt',
      'image. -> box.image',
      'vlm.output -> box.text',
      'box.predictions -> echo.value',
      'word. -> echo.list[0]',
      'vlm.output -> echo.list[2]',
      'box.predictions -> boxes.boxes',
      'echo.* -> everything.everything',
    ]);
  });
});

describe('renderMermaid', () => {
  it('writes a left-to-right flowchart with quoted, escaped labels', () => {
    const text = renderMermaid(buildWorkflowGraph(engine.compile(definition).plan));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain('  input_0[/"$inputs.image<br/><i>WorkflowImage</i>"/]');
    expect(lines).toContain('  step_1["<b>box</b><br/>test/box@v1"]');
    expect(lines).toContain('  output_1[["everything"]]');
    expect(lines).toContain('  step_0 -->|"output → text"| step_1');
    expect(lines).toContain('  input_2 -->|"list[0]"| step_2');
    expect(lines.filter((line) => line.includes('-->'))).toHaveLength(9);
  });

  it('escapes quotes and angle brackets in names so a label cannot break out', () => {
    const plan = engine.compile(definition).plan;
    const renamed = buildWorkflowGraph({ ...plan, steps: plan.steps.map((step) => (step.name === 'echo' ? { ...step, name: 'a"b<c>' } : step)) });
    expect(renderMermaid(renamed)).toContain('  step_2["<b>a#quot;b#lt;c#gt;</b><br/>test/echo@v1"]');
  });
});

describe('renderDot', () => {
  it('writes a digraph with shaped nodes and labelled edges', () => {
    const text = renderDot(buildWorkflowGraph(engine.compile(definition).plan));
    expect(text.startsWith('digraph workflow {\n  rankdir=LR;')).toBe(true);
    expect(text).toContain('  input_1 [shape=parallelogram, label="$inputs.prompt\\nWorkflowParameter"];');
    expect(text).toContain('  step_0 [shape=box, label="vlm\\ntest/describe_batch@v1"];');
    expect(text).toContain('  output_0 [shape=note, label="boxes"];');
    expect(text).toContain('  step_1 -> step_2 [label="predictions → value"];');
    expect(text.trimEnd().endsWith('}')).toBe(true);
  });
});
