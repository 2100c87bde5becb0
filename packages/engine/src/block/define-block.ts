import type { Kind } from '@flow/kinds';
import type { z } from 'zod';
import type { BlockContext } from './block-context.js';
import type { FlowControl } from './flow-control.js';

/** Output name to the kinds its values have. Order is the order outputs are described in. */
export type BlockOutputs = Record<string, readonly Kind[]>;

export type BlockOutputValues = Record<string, unknown>;

/**
 * What `run` returns for one element: an output record; for a step with `outputDimensionalityOffset: 1`, a
 * list of output records (one per nested element, empty for none); for a flow-control block (one with
 * `stepSelector()` properties), a `flowControl(next)` decision.
 */
export type ElementResult = BlockOutputValues | BlockOutputValues[] | FlowControl;

interface BlockDefinitionBase<Manifest extends z.ZodObject = z.ZodObject> {
  /** Identifier used in definitions: `<pack>/<family>@v<N>`. */
  type: string;
  /** Legacy identifiers that also select this block (`"LMM"`). */
  aliases?: readonly string[];
  /** Human-friendly name ("VLM As Detector"). */
  name: string;
  /** Reference block category: `model`, `formatter`, `transformation`, ... */
  blockType: string;
  shortDescription: string;
  longDescription?: string;
  license?: string;
  deprecated?: boolean;
  /** PEP 440 range of engine versions the block works with, as in the reference. */
  executionEngineCompatibility?: string;
  /** Extra top-level keys for the block's JSON schema (ui_manifest, search_keywords ...). */
  schemaExtra?: Record<string, unknown>;
  /**
   * The step's properties (besides `type` and `name`) as a zod object. Selector properties are made with
   * `selector()`, `literalOrSelector()` and friends so the compiler can check every edge. Cross-field rules
   * go in `.superRefine()`.
   */
  manifest: Manifest;
  /**
   * Other names a step may give a property (pydantic `validation_alias` in the reference): alias to the
   * manifest's name, e.g. `{ image: 'images' }`. The compiler renames them before checking the manifest.
   */
  propertyAliases?: Readonly<Record<string, string>>;
  /** Outputs and their kinds, fixed or computed from the step's manifest values. */
  outputs: BlockOutputs | ((manifest: z.output<Manifest>) => BlockOutputs);
  /** When true, a null element reaches the block instead of being skipped. */
  acceptsEmptyValues?: boolean;
  /**
   * Dimensionality (reference §4.1, §6.3). Per-property offset against the step's execution level: 0 or 1,
   * at most 1 apart, with at least one 0. A property at offset 1 arrives, per element, as the list of the
   * nested elements under it.
   */
  inputDimensionalityOffsets?: Readonly<Record<string, 0 | 1>>;
  /** The property whose dimensionality defines the outputs'; required when the offsets differ. */
  dimensionalityReferenceProperty?: string;
  /**
   * +1: the step makes a nested batch (crops): per element, `run` returns a list of output records, one per
   * nested element. -1: it collapses one level: the outputs sit one level up. 0 (default): same level.
   */
  outputDimensionalityOffset?: -1 | 0 | 1;
}

/** A block the engine calls once per batch element, with element values. */
export interface ElementBlockDefinition<Inputs = Record<string, any>, Manifest extends z.ZodObject = z.ZodObject>
  extends BlockDefinitionBase<Manifest> {
  batchParameters?: undefined;
  run(inputs: Inputs, context: BlockContext): ElementResult | Promise<ElementResult>;
}

/**
 * A block that takes the whole batch at once (model blocks). The properties named in `batchParameters`
 * arrive as arrays aligned with the batch; it returns one output record per element, in order.
 */
export interface BatchBlockDefinition<Inputs = Record<string, any>, Manifest extends z.ZodObject = z.ZodObject>
  extends BlockDefinitionBase<Manifest> {
  batchParameters: readonly string[];
  run(inputs: Inputs, context: BlockContext): ElementResult[] | Promise<ElementResult[]>;
}

export type BlockDefinition<Inputs = Record<string, any>, Manifest extends z.ZodObject = z.ZodObject> =
  | ElementBlockDefinition<Inputs, Manifest>
  | BatchBlockDefinition<Inputs, Manifest>;

const blockMarker = Symbol.for('flow.block');

/** Declares a block. The object is returned as given, marked so packs can be validated. */
export function defineBlock<Inputs = Record<string, any>, Manifest extends z.ZodObject = z.ZodObject>(
  definition: BlockDefinition<Inputs, Manifest>,
): BlockDefinition<Inputs, Manifest> {
  Object.defineProperty(definition, blockMarker, { value: true, enumerable: false });
  return definition;
}

export function isBatchBlock(block: BlockDefinition): block is BatchBlockDefinition {
  return Array.isArray(block.batchParameters) && block.batchParameters.length > 0;
}

/** The outputs of a block for a step's manifest values. */
export function resolveBlockOutputs(block: BlockDefinition, manifest: Record<string, unknown>): BlockOutputs {
  return typeof block.outputs === 'function' ? block.outputs(manifest as never) : block.outputs;
}
