import { edgeLabel, type GraphNode, type WorkflowGraph } from './workflow-graph.js';

/** Mermaid text for quoted labels: `"` and the entity opener `#` are written as Mermaid entities. */
function mermaidText(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function mermaidNode(node: GraphNode): string {
  if (node.role === 'input') return `  ${node.id}[/"${mermaidText(`$inputs.${node.name}`)}<br/><i>${mermaidText(node.type)}</i>"/]`;
  if (node.role === 'output') return `  ${node.id}[["${mermaidText(node.name)}"]]`;
  return `  ${node.id}["<b>${mermaidText(node.name)}</b><br/>${mermaidText(node.type)}"]`;
}

/** A Mermaid flowchart, left to right: inputs as parallelograms, steps as boxes, outputs as subroutines. */
export function renderMermaid(graph: WorkflowGraph): string {
  const lines = ['flowchart LR', ...graph.nodes.map(mermaidNode)];
  for (const edge of graph.edges) lines.push(`  ${edge.from} -->|"${mermaidText(edgeLabel(edge))}"| ${edge.to}`);
  return `${lines.join('\n')}\n`;
}
