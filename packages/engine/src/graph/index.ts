export { buildWorkflowGraph, edgeLabel, type WorkflowGraph, type GraphNode, type GraphEdge } from './workflow-graph.js';
export { renderMermaid } from './render-mermaid.js';
export { renderDot } from './render-dot.js';
