export { defineBlock, isBatchBlock, resolveBlockOutputs } from './block/define-block.js';
export type { BlockDefinition, ElementBlockDefinition, BatchBlockDefinition, BlockOutputs, BlockOutputValues, ElementResult } from './block/define-block.js';
export { flowControl, isFlowControl, type FlowControl } from './block/flow-control.js';
export { defineBlockPack, type BlockPack } from './block/define-block-pack.js';
export { silentLogger, type BlockContext, type BlockLogger, type BlockServices, type UsageRecord } from './block/block-context.js';
export {
  selector,
  stepOutputSelector,
  parameterSelector,
  stepSelector,
  literalOrSelector,
  getSelectorInfo,
  findPropertySelectors,
  anySelectorPattern,
  inputSelectorPattern,
  stepOutputSelectorPattern,
  stepSelectorPattern,
  type SelectorInfo,
  type SelectorOptions,
  type PropertySelectors,
} from './block/selectors.js';
export { createEngine, createEngineWithPlugins, type Engine, type EngineOptions, type EngineFromEnvironmentOptions } from './engine.js';
export { CompiledWorkflow, type WorkflowInterface } from './compiled-workflow.js';
export { BlockRegistry, type RegisteredBlock } from './block/block-registry.js';
export type { WorkflowPlan, CompiledStep, CompiledInput, CompiledOutput, ValueSource, PropertyBinding } from './compiler/compiled-workflow.js';
export type { LazyAbortSignal, RunOptions, StepEvent, WorkflowOutputs } from './executor/run-options.js';
export { toAbortSignal } from './executor/run-options.js';
export { EXECUTION_ENGINE_VERSION, checkRequestedVersion } from './definition/engine-version.js';
export { workflowInputSchema, workflowOutputSchema, type WorkflowInputDefinition, type WorkflowOutputDefinition } from './definition/definition-schema.js';
export { blockPacksStillImporting, loadBlockPacks, parsePluginList } from './plugins/load-block-packs.js';
export { blockJsonSchema, stepSchemaOf } from './describe/describe-blocks.js';
export * from './errors/index.js';
export { toReferenceErrorResponse, isWorkflowError, type ReferenceErrorResponse } from './errors/reference-error-body.js';
export { buildWorkflowGraph, renderMermaid, renderDot, type WorkflowGraph, type GraphNode, type GraphEdge } from './graph/index.js';
export { ROBOFLOW_BLOCK_TYPES, roboflowBlockType, unimplementedRoboflowBlockProblem } from './compiler/roboflow-block-catalogue.js';
