import { edgeLabel, type WorkflowGraph } from './workflow-graph.js';

/** Graphviz DOT quoting: backslashes and double quotes escaped, newlines as `\n`. */
function dotText(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const dotShapes = { input: 'parallelogram', step: 'box', output: 'note' } as const;

/** A Graphviz digraph with the same nodes and labelled edges as the Mermaid chart. */
export function renderDot(graph: WorkflowGraph): string {
  const lines = ['digraph workflow {', '  rankdir=LR;', '  node [fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  for (const node of graph.nodes) {
    const label = node.role === 'input' ? `$inputs.${node.name}\n${node.type}` : node.role === 'step' ? `${node.name}\n${node.type}` : node.name;
    lines.push(`  ${node.id} [shape=${dotShapes[node.role]}, label=${dotText(label)}];`);
  }
  for (const edge of graph.edges) lines.push(`  ${edge.from} -> ${edge.to} [label=${dotText(edgeLabel(edge))}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
