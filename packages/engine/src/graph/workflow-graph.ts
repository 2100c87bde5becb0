import type { ValueSource, WorkflowPlan } from '../compiler/compiled-workflow.js';

/** A node of a workflow's DAG: a declared input, a step, or a declared output. */
export interface GraphNode {
  /** Stable id made only of letters, digits and underscores (safe in Mermaid and DOT). */
  id: string;
  role: 'input' | 'step' | 'output';
  /** The input, step or output name from the definition. */
  name: string;
  /** For steps: the block type id as written; for inputs: `WorkflowImage`, `WorkflowParameter` ... */
  type: string;
}

/** Data flowing from one node into another. */
export interface GraphEdge {
  from: string;
  to: string;
  /** The step property (or output name) the value feeds, e.g. `image`, `classes[1]`, `prompts.dog`. */
  label: string;
  /** The step output the value comes from, when the source is a step (`predictions`, `*`). */
  sourceOutput?: string;
}

export interface WorkflowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The DAG of a compiled workflow: inputs, steps (in topological order) and outputs, with one edge per
 * selector, labelled with the property it feeds. Literals make no edges.
 */
export function buildWorkflowGraph(plan: Pick<WorkflowPlan, 'inputs' | 'steps' | 'outputs'>): WorkflowGraph {
  const nodes: GraphNode[] = [];
  const inputIds = new Map<string, string>();
  const stepIds = new Map<string, string>();
  plan.inputs.forEach((input, index) => {
    const id = `input_${index}`;
    inputIds.set(input.name, id);
    nodes.push({ id, role: 'input', name: input.name, type: String(input.definition.type) });
  });
  plan.steps.forEach((step, index) => {
    const id = `step_${index}`;
    stepIds.set(step.name, id);
    nodes.push({ id, role: 'step', name: step.name, type: step.writtenType });
  });

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const connect = (source: ValueSource, to: string, label: string) => {
    if (source.from === 'literal') return;
    const from = source.from === 'input' ? inputIds.get(source.input) : stepIds.get(source.step);
    if (!from) return;
    const edge: GraphEdge = source.from === 'step' ? { from, to, label, sourceOutput: source.output } : { from, to, label };
    const key = `${edge.from}>${edge.to}>${edge.label}>${edge.sourceOutput ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push(edge);
  };
  for (const step of plan.steps) {
    const to = stepIds.get(step.name)!;
    for (const binding of step.bindings) {
      if (binding.shape === 'value') connect(binding.source, to, binding.property);
      else if (binding.shape === 'list') binding.items.forEach((item, index) => connect(item, to, `${binding.property}[${index}]`));
      else for (const [key, item] of binding.entries) connect(item, to, `${binding.property}.${key}`);
    }
  }
  plan.outputs.forEach((output, index) => {
    const id = `output_${index}`;
    nodes.push({ id, role: 'output', name: output.name, type: 'JsonField' });
    connect(output.source, id, output.name);
  });
  return { nodes, edges };
}

/** What an edge shows: `output → property` from a step, the property alone from an input. */
export function edgeLabel(edge: GraphEdge): string {
  return edge.sourceOutput === undefined ? edge.label : `${edge.sourceOutput} → ${edge.label}`;
}
