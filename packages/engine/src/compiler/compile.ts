import { areKindsCompatible } from '@flow/kinds';
import type { z } from 'zod';
import type { BlockRegistry } from '../block/block-registry.js';
import { resolveBlockOutputs, type BlockDefinition, type BlockOutputs } from '../block/define-block.js';
import { findPropertySelectors, type PropertySelectors } from '../block/selectors.js';
import {
  defaultInputKinds,
  definitionEnvelopeSchema,
  isBatchInput,
  stepEnvelopeSchema,
  workflowInputSchema,
  workflowOutputSchema,
  type WorkflowInputDefinition,
  type WorkflowOutputDefinition,
} from '../definition/definition-schema.js';
import { checkRequestedVersion, EXECUTION_ENGINE_VERSION } from '../definition/engine-version.js';
import { WorkflowCompilationError, type CompilationProblem } from '../errors/compilation-error.js';
import { WORKFLOW_INPUT_LINEAGE, type CompiledInput, type CompiledOutput, type CompiledStep, type ParameterCheck, type PropertyBinding, type ValueSource, type WorkflowPlan } from './compiled-workflow.js';
import { denoteDataFlow } from './data-flow.js';
import { duplicateNames, hintNames, quotedNames } from './hint-limits.js';
import { orderSteps } from './order-steps.js';
import { suggestNames } from './suggest-names.js';
import { roboflowBlockType, unimplementedRoboflowBlockProblem } from './roboflow-block-catalogue.js';

const PARSING = 'workflow_compilation | workflow_definition_parsing';
const VALIDATION = 'workflow_compilation | workflow_definition_validation';
const GRAPH = 'workflow_compilation | execution_graph_construction';

export type ProblemInput = Omit<CompilationProblem, 'status' | 'context' | 'step' | 'blockType' | 'property'> &
  Partial<Pick<CompilationProblem, 'status' | 'context' | 'step' | 'blockType' | 'property'>>;

interface ParsedStep {
  name: string;
  writtenType: string;
  block: BlockDefinition;
  pack: string;
  values: Record<string, unknown>;
  outputs: BlockOutputs;
}

const selectorCache = new WeakMap<BlockDefinition, Map<string, PropertySelectors>>();

/** Which properties of a block take selectors, computed once per block. */
function selectorsOf(block: BlockDefinition): Map<string, PropertySelectors> {
  let found = selectorCache.get(block);
  if (!found) {
    found = new Map();
    for (const [property, schema] of Object.entries(block.manifest.shape)) {
      const selectors = findPropertySelectors(schema as z.ZodType);
      if (selectors) found.set(property, selectors);
    }
    selectorCache.set(block, found);
  }
  return found;
}

/**
 * Checks a definition against the registry and builds its execution plan. Every problem that can be
 * found is collected before throwing one `WorkflowCompilationError`.
 */
export function compileDefinition(definition: unknown, registry: BlockRegistry): WorkflowPlan {
  const problems: CompilationProblem[] = [];
  const report = (problem: ProblemInput) =>
    problems.push({ status: 400, context: PARSING, step: null, blockType: null, property: null, ...problem });
  const fail = (): never => {
    throw new WorkflowCompilationError(problems);
  };

  const envelope = definitionEnvelopeSchema.safeParse(definition);
  if (!envelope.success) {
    for (const issue of envelope.error.issues) {
      report({ code: 'INVALID_DEFINITION', errorType: 'WorkflowSyntaxError', property: issue.path.join('.') || null, message: `Invalid workflow definition at ${issue.path.join('.') || 'the root'}: ${issue.message}.` });
    }
    fail();
  }
  const raw = envelope.data!;

  const dynamicBlocks = raw.dynamic_blocks_definitions;
  if (Array.isArray(dynamicBlocks) ? dynamicBlocks.length > 0 : dynamicBlocks !== undefined && dynamicBlocks !== null) {
    report({
      code: 'DYNAMIC_BLOCKS_NOT_ALLOWED',
      errorType: 'DynamicBlockError',
      property: 'dynamic_blocks_definitions',
      message: 'Inline Python blocks (`dynamic_blocks_definitions`) are not supported: code never arrives in a request. Install a block pack on the server instead.',
    });
  }

  const version = checkRequestedVersion(raw.version);
  if (!version.ok) {
    report(
      version.reason === 'unparseable'
        ? { code: 'INVALID_VERSION', errorType: 'WorkflowDefinitionError', property: 'version', context: 'workflow_compilation | engine_selection', message: `Workflow definition contains \`version\` defined as \`${raw.version}\`, which is not a valid version (expected e.g. "1.0").` }
        : { code: 'UNSUPPORTED_VERSION', errorType: 'NotSupportedExecutionEngineError', property: 'version', context: 'workflow_compilation | engine_selection', message: `Workflow definition requested execution engine version \`${raw.version}\`, which this engine does not provide. Available versions: [${EXECUTION_ENGINE_VERSION}].` },
    );
  }

  // Inputs and outputs.
  const inputs: CompiledInput[] = [];
  raw.inputs.forEach((value, index) => {
    const parsed = workflowInputSchema.safeParse(value);
    if (!parsed.success) {
      const name = (value as { name?: unknown } | null)?.name;
      for (const issue of parsed.error.issues) {
        report({ code: 'INVALID_INPUT_DEFINITION', errorType: 'WorkflowSyntaxError', step: '$inputs', property: typeof name === 'string' ? name : `inputs[${index}]`, message: `Input ${typeof name === 'string' ? `"${name}"` : `#${index}`} is invalid at ${issue.path.join('.') || 'the root'}: ${issue.message}.` });
      }
      return;
    }
    const input = parsed.data;
    if (input.type === 'WorkflowBatchInput' && input.dimensionality < 1) {
      report({
        code: 'UNSUPPORTED_DIMENSIONALITY',
        errorType: 'ExecutionGraphStructureError',
        context: GRAPH,
        step: '$inputs',
        property: input.name,
        message: `Detected batch oriented input \`${input.name}\` with declared dimensionality \`${input.dimensionality}\` which is below one (one is minimum dimensionality of the batch). Fix input definition in your Workflow.`,
      });
    }
    inputs.push({ definition: input, name: input.name, batch: isBatchInput(input), kinds: defaultInputKinds(input), lineage: inputLineage(input) });
  });

  const outputDefinitions: WorkflowOutputDefinition[] = [];
  raw.outputs.forEach((value, index) => {
    const parsed = workflowOutputSchema.safeParse(value);
    if (!parsed.success) {
      const name = (value as { name?: unknown } | null)?.name;
      for (const issue of parsed.error.issues) {
        report({ code: 'INVALID_OUTPUT_DEFINITION', errorType: 'WorkflowSyntaxError', step: '$outputs', property: typeof name === 'string' ? name : `outputs[${index}]`, message: `Output ${typeof name === 'string' ? `"${name}"` : `#${index}`} is invalid at ${issue.path.join('.') || 'the root'}: ${issue.message}.` });
      }
      return;
    }
    outputDefinitions.push(parsed.data);
  });

  // Steps: envelope, block lookup, manifest.
  const parsedSteps: ParsedStep[] = [];
  const stepNames: string[] = [];
  // Steps that failed to parse: references to them are not reported again as dangling.
  const unparsedSteps = new Set<string>();
  raw.steps.forEach((value, index) => {
    const envelopeResult = stepEnvelopeSchema.safeParse(value);
    if (!envelopeResult.success) {
      const name = (value as { name?: unknown } | null)?.name;
      const type = (value as { type?: unknown } | null)?.type;
      for (const issue of envelopeResult.error.issues) {
        report({ code: 'INVALID_STEP', errorType: 'WorkflowSyntaxError', step: typeof name === 'string' ? name : `steps[${index}]`, blockType: typeof type === 'string' ? type : null, property: issue.path.join('.') || null, message: `Step ${typeof name === 'string' ? `"${name}"` : `#${index}`} is invalid at ${issue.path.join('.') || 'the root'}: ${issue.message}.` });
      }
      return;
    }
    const { type, name, ...properties } = envelopeResult.data;
    stepNames.push(name);
    const registered = registry.find(type);
    if (!registered) unparsedSteps.add(name);
    const roboflowType = registered ? undefined : roboflowBlockType(type);
    if (roboflowType) {
      report(unimplementedRoboflowBlockProblem(name, type, roboflowType));
      return;
    }
    if (!registered) {
      const suggestions = suggestNames(type, registry.identifiers);
      report({
        code: 'UNKNOWN_BLOCK_TYPE',
        errorType: 'WorkflowSyntaxError',
        step: name,
        blockType: type,
        property: 'type',
        message: `Step "${name}" uses unknown block type "${type}".`,
        hint: suggestions.length > 0 ? `Did you mean ${suggestions.map((id) => `"${id}"`).join(' or ')}?` : 'List the available blocks with `flow blocks`.',
      });
      return;
    }
    const manifest = registered.block.manifest.safeParse(withCanonicalNames(properties, registered.block.propertyAliases));
    if (!manifest.success) unparsedSteps.add(name);
    if (!manifest.success) {
      for (const issue of manifest.error.issues) {
        const property = issue.path.length > 0 ? String(issue.path[0]) : null;
        const where = issue.path.length > 0 ? `property "${issue.path.join('.')}"` : 'its properties';
        report({ code: 'INVALID_STEP_PROPERTY', errorType: 'WorkflowSyntaxError', step: name, blockType: type, property, message: `Step "${name}" (${type}) has an invalid ${where}: ${issue.message}.` });
      }
      return;
    }
    let outputs: BlockOutputs;
    try {
      outputs = resolveBlockOutputs(registered.block, manifest.data);
    } catch (error) {
      unparsedSteps.add(name);
      report({ code: 'INVALID_STEP_PROPERTY', errorType: 'WorkflowSyntaxError', step: name, blockType: type, message: `Step "${name}" (${type}) cannot describe its outputs: ${(error as Error).message}.` });
      return;
    }
    parsedSteps.push({ name, writtenType: type, block: registered.block, pack: registered.pack, values: manifest.data, outputs });
  });

  // Names must be unique within inputs, steps and outputs.
  const duplicates = duplicateNames;
  const duplicateChecks: Array<[string[], string, string]> = [
    [inputs.map((input) => input.name), 'input parameter', '$inputs'],
    [stepNames, 'steps', '$steps'],
    [outputDefinitions.map((output) => output.name), 'outputs', '$outputs'],
  ];
  for (const [names, label, where] of duplicateChecks) {
    for (const name of duplicates(names)) {
      report({ code: 'DUPLICATE_NAME', errorType: 'DuplicatedNameError', context: VALIDATION, step: where, property: name, message: `Found duplicated ${label} names: "${name}" is used more than once.` });
    }
  }
  // Duplicates make references ambiguous; other problems so far still let references be checked.
  if (problems.some((problem) => problem.code === 'DUPLICATE_NAME')) fail();

  // References, kinds and the dependency graph.
  const inputsByName = new Map(inputs.map((input) => [input.name, input]));
  const stepsByName = new Map(parsedSteps.map((step) => [step.name, step]));
  const inputUsage = new Map<string, string[]>();

  const resolveReference = (selector: string, step: ParsedStep, property: string, accepted: Set<string>): ValueSource | undefined => {
    const where = { step: step.name, blockType: step.writtenType, property, context: GRAPH };
    if (selector.startsWith('$inputs.')) {
      const inputName = selector.split('.').at(-1)!;
      const input = inputsByName.get(inputName);
      if (!input) {
        report({ ...where, code: 'INVALID_REFERENCE_TARGET', errorType: 'InvalidReferenceTargetError', message: `Workflow references '${selector}' which points to a non-existent input parameter.`, hint: hintNames('inputs', inputsByName.keys(), inputsByName.size) });
        return undefined;
      }
      const usage = inputUsage.get(inputName) ?? [];
      for (const kind of accepted) if (!usage.includes(kind)) usage.push(kind);
      inputUsage.set(inputName, usage);
      checkKinds(selector, step, property, accepted, input.kinds);
      return { from: 'input', input: inputName, batch: input.batch, lineage: input.lineage };
    }
    const parts = selector.split('.');
    if (parts[0] === '$steps' && parts.length === 3) {
      const target = stepsByName.get(parts[1]!);
      if (!target && unparsedSteps.has(parts[1]!)) return undefined;
      if (!target) {
        // Every step of the definition counts, including those whose block type is unknown.
        report({ ...where, code: 'INVALID_REFERENCE_TARGET', errorType: 'InvalidReferenceTargetError', message: `Workflow references '$steps.${parts[1]}' which points to a non-existent block.`, hint: hintNames('other steps', stepNames, stepNames.length - 1, step.name) });
        return undefined;
      }
      const output = parts[2]!;
      if (output !== '*' && !Object.hasOwn(target.outputs, output)) {
        report({ ...where, code: 'UNKNOWN_STEP_OUTPUT', errorType: 'ExecutionGraphStructureError', message: `Found reference to non-existing property \`${output}\` of step \`${target.name}\`.`, hint: hintNames('outputs of this step', Object.keys(target.outputs), Object.keys(target.outputs).length) });
        return undefined;
      }
      const actual = output === '*' ? ['*'] : target.outputs[output]!.map((kind) => kind.name);
      checkKinds(selector, step, property, accepted, actual);
      return { from: 'step', step: target.name, output, batch: false, lineage: [] };
    }
    report({ ...where, code: 'INVALID_SELECTOR', errorType: 'WorkflowSyntaxError', context: PARSING, message: `Step "${step.name}" property "${property}" holds "${selector}", which is not a valid selector ("$inputs.<name>" or "$steps.<step>.<output>").` });
    return undefined;
  };

  const checkKinds = (selector: string, step: ParsedStep, property: string, accepted: Set<string>, actual: string[]) => {
    const expected = [...accepted];
    if (areKindsCompatible(expected, actual)) return;
    report({
      code: 'KIND_MISMATCH',
      errorType: 'ReferenceTypeError',
      context: GRAPH,
      step: step.name,
      blockType: step.writtenType,
      property,
      message: `Failed to validate reference provided for step: $steps.${step.name} regarding property: ${property} with value: ${selector}. Allowed kinds of references for this property: [${expected.join(', ')}]. Types of output for referred property: [${actual.join(', ')}].`,
    });
  };

  const compiledSteps = new Map<string, CompiledStep>();
  for (const step of parsedSteps) {
    const selectors = selectorsOf(step.block);
    const bindings: PropertyBinding[] = [];
    const dependencies = new Set<string>();
    const parameterChecks: ParameterCheck[] = [];
    const bind = (value: unknown, property: string, accepted: Set<string>): ValueSource | undefined => {
      if (typeof value !== 'string' || !value.startsWith('$')) return { from: 'literal', value };
      const source = resolveReference(value, step, property, accepted);
      if (source?.from === 'step') dependencies.add(source.step);
      return source;
    };
    const flowTargets: string[] = [];
    for (const [property, value] of Object.entries(step.values)) {
      const info = selectors.get(property);
      if (info?.steps) {
        // Step selectors (`$steps.name`) name the branches of a flow-control step; the block gets them as written.
        for (const target of stepSelectorsIn(value)) {
          const name = target.slice('$steps.'.length);
          if (!stepsByName.has(name)) {
            if (unparsedSteps.has(name)) continue;
            report({ code: 'INVALID_REFERENCE_TARGET', errorType: 'InvalidReferenceTargetError', context: GRAPH, step: step.name, blockType: step.writtenType, property, message: `Workflow references '${target}' which points to a non-existent block.`, hint: hintNames('other steps', stepsByName.keys(), stepsByName.size - 1, step.name) });
          } else if (!flowTargets.includes(name)) flowTargets.push(name);
        }
        bindings.push({ property, shape: 'value', source: { from: 'literal', value } });
        continue;
      }
      if (!info) {
        bindings.push({ property, shape: 'value', source: { from: 'literal', value } });
        continue;
      }
      if (Array.isArray(value) && info.shapes.has('list')) {
        const items = value.map((item) => bind(item, property, info.kinds));
        if (items.every((item) => item !== undefined)) bindings.push({ property, shape: 'list', items: items as ValueSource[] });
      } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && info.shapes.has('dict')) {
        const entries = Object.entries(value).map(([key, item]) => [key, bind(item, `${property}.${key}`, info.kinds)] as const);
        if (entries.every(([, item]) => item !== undefined)) bindings.push({ property, shape: 'dict', entries: entries as Array<[string, ValueSource]> });
      } else {
        const source = bind(value, property, info.kinds);
        if (!source) continue;
        bindings.push({ property, shape: 'value', source });
        if (source.from === 'input' && !source.batch && info.literal) parameterChecks.push({ property, input: source.input, literal: info.literal });
      }
    }
    compiledSteps.set(step.name, {
      name: step.name,
      writtenType: step.writtenType,
      block: step.block,
      pack: step.pack,
      bindings,
      dependencies: [...dependencies],
      isBatch: false,
      outputs: step.outputs,
      parameterChecks,
      executionLineage: [],
      outputLineage: [],
      outputDimensionalityOffset: step.block.outputDimensionalityOffset ?? 0,
      flowTargets,
      controlledBy: [],
    });
  }
  // A branch target runs after the flow-control step that decides about it.
  for (const step of compiledSteps.values()) {
    for (const target of step.flowTargets) {
      const controlled = compiledSteps.get(target)!;
      controlled.controlledBy.push(step.name);
      if (!controlled.dependencies.includes(step.name)) controlled.dependencies.push(step.name);
    }
  }

  const outputs: CompiledOutput[] = [];
  for (const output of outputDefinitions) {
    const where = { step: '$outputs', property: output.name, context: GRAPH };
    const selector = output.selector;
    const parts = selector.split('.');
    if (selector.startsWith('$inputs.') && parts.length >= 2) {
      const input = inputsByName.get(parts.at(-1)!);
      if (!input) {
        report({ ...where, code: 'INVALID_REFERENCE_TARGET', errorType: 'InvalidReferenceTargetError', message: `Workflow references '${selector}' which points to a non-existent input parameter.`, hint: hintNames('inputs', inputsByName.keys(), inputsByName.size) });
        continue;
      }
      outputs.push({ name: output.name, selector, source: { from: 'input', input: input.name, batch: input.batch, lineage: input.lineage }, coordinatesSystem: output.coordinates_system, lineage: input.lineage, kinds: input.kinds });
    } else if (parts[0] === '$steps' && parts.length === 3) {
      const step = compiledSteps.get(parts[1]!);
      if (!step && unparsedSteps.has(parts[1]!)) continue;
      if (!step) {
        report({ ...where, code: 'INVALID_REFERENCE_TARGET', errorType: 'InvalidReferenceTargetError', message: `Workflow references '$steps.${parts[1]}' which points to a non-existent block.`, hint: hintNames('steps', compiledSteps.keys(), compiledSteps.size) });
        continue;
      }
      const property = parts[2]!;
      if (property !== '*' && !Object.hasOwn(step.outputs, property)) {
        report({ ...where, code: 'INVALID_REFERENCE_TARGET', errorType: 'InvalidReferenceTargetError', message: `Workflow output references '${selector}' which points to a non-existent block property.`, hint: hintNames('outputs of this step', Object.keys(step.outputs), Object.keys(step.outputs).length) });
        continue;
      }
      const kinds =
        property === '*'
          ? Object.fromEntries(Object.entries(step.outputs).map(([name, list]) => [name, list.map((kind) => kind.name)]))
          : step.outputs[property]!.map((kind) => kind.name);
      outputs.push({ name: output.name, selector, source: { from: 'step', step: step.name, output: property, batch: false, lineage: [] }, coordinatesSystem: output.coordinates_system, lineage: [], kinds });
    } else {
      report({ ...where, code: 'INVALID_SELECTOR', errorType: 'WorkflowSyntaxError', context: PARSING, message: `Output "${output.name}" has selector "${selector}", which is not "$inputs.<name>", "$steps.<step>.<output>" or "$steps.<step>.*".` });
    }
  }
  if (problems.length > 0) fail();

  const { ordered, cyclic } = orderSteps([...compiledSteps.values()]);
  if (cyclic.length > 0) {
    report({ code: 'CYCLE', errorType: 'ExecutionGraphStructureError', context: GRAPH, step: cyclic[0]!.name, blockType: cyclic[0]!.writtenType, message: `Detected cycle in execution graph: steps ${quotedNames(cyclic.map((step) => step.name))} depend on each other.` });
  }
  if (problems.length > 0) fail();

  // Dimensionality and lineage flow from inputs through steps in order (reference §6.3).
  denoteDataFlow(ordered, compiledSteps, report);
  for (const output of outputs) {
    if (output.source.from !== 'step') continue;
    const step = compiledSteps.get(output.source.step)!;
    output.source.lineage = step.outputLineage;
    output.source.batch = step.outputLineage.length > 0;
    output.lineage = step.outputLineage;
  }
  if (problems.length > 0) fail();

  const inputInterface: Record<string, string[]> = {};
  for (const input of inputs) inputInterface[input.name] = inputUsage.get(input.name) ?? (input.definition.kind?.length ? input.kinds : ['*']);

  return { definition: raw, inputs, steps: ordered, outputs, inputInterface };
}

/** `<workflow_input>` for level 1, plus one id per extra level of a nested batch input. */
function inputLineage(input: WorkflowInputDefinition): string[] {
  if (!isBatchInput(input)) return [];
  const lineage = [WORKFLOW_INPUT_LINEAGE];
  for (let level = 2; level <= input.dimensionality; level++) lineage.push(`$inputs.${input.name}[${level}]`);
  return lineage;
}

/** The `$steps.name` strings of a step-selector property (one, a list, or dict values). */
function stepSelectorsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'object' && value !== null) return Object.values(value).filter((item): item is string => typeof item === 'string');
  return [];
}

/** Properties written under a block's legacy alias (`image` for `images`) renamed to the manifest's names. */
function withCanonicalNames(properties: Record<string, unknown>, aliases: Readonly<Record<string, string>> | undefined): Record<string, unknown> {
  if (!aliases) return properties;
  const renamed = { ...properties };
  for (const [alias, name] of Object.entries(aliases)) {
    if (Object.hasOwn(renamed, alias) && !Object.hasOwn(renamed, name)) {
      renamed[name] = renamed[alias];
      delete renamed[alias];
    }
  }
  return renamed;
}
