import { isBatchBlock } from '../block/define-block.js';
import { bindingSources, type CompiledStep, type ValueSource } from './compiled-workflow.js';
import type { ProblemInput } from './compile.js';
import { pythonRepr } from './python-repr.js';

const GRAPH = 'workflow_compilation | execution_graph_construction';

interface PropertyData {
  property: string;
  /** Dimensionality of the property's batch-oriented data (0: scalar). */
  dimensionality: number;
  lineage: string[] | undefined;
}

/**
 * The data-flow pass of the reference compiler (§5.1 step 7, §6.3): in topological order, works out each
 * step's input dimensionalities and lineages, checks them against the block's declared offsets, and sets the
 * lineage the step runs over and the one its outputs have. Problems carry the reference's messages.
 */
export function denoteDataFlow(ordered: CompiledStep[], steps: Map<string, CompiledStep>, report: (problem: ProblemInput) => void): void {
  // Steps downstream of a step at fault are not checked: their lineage would be a guess and their problems noise.
  const failed = new Set<string>();
  for (const step of ordered) {
    if (step.dependencies.some((name) => failed.has(name))) {
      failed.add(step.name);
      continue;
    }
    for (const binding of step.bindings) {
      for (const source of bindingSources(binding)) {
        if (source.from !== 'step') continue;
        source.lineage = steps.get(source.step)!.outputLineage;
        source.batch = source.lineage.length > 0;
      }
    }
    let reported = false;
    denoteStep(step, steps, (problem) => {
      reported = true;
      report(problem);
    });
    if (reported) failed.add(step.name);
  }
}

function denoteStep(step: CompiledStep, steps: Map<string, CompiledStep>, report: (problem: ProblemInput) => void): void {
  const block = step.block;
  const where = { step: step.name, blockType: step.writtenType, context: GRAPH };
  const offsets: Record<string, number> = { ...(block.inputDimensionalityOffsets ?? {}) };
  const outputOffset = step.outputDimensionalityOffset;
  const referenceProperty = block.dimensionalityReferenceProperty;
  const interfaceProblem = (message: string, phase: string) =>
    report({ ...where, code: 'BLOCK_INTERFACE_ERROR', errorType: 'BlockInterfaceError', status: 500, context: `${GRAPH} | ${phase}`, message });

  const offsetValues = Object.values(offsets);
  if (offsetValues.some((offset) => offset < 0)) {
    interfaceProblem(`Offsets could not be negative, but block defining step: ${step.name} defines that values.`, 'verification_of_input_offset_definitions');
    return;
  }
  if (offsetValues.length > 0 && Math.max(...offsetValues) - Math.min(...offsetValues) > 1) {
    interfaceProblem(`Offsets of input parameters could not differ more than 1, but block defining step ${step.name} violates that rule.`, 'verification_of_input_offset_definitions');
    return;
  }

  if (isBatchBlock(block)) {
    const batchParameters = new Set(block.batchParameters);
    for (const binding of step.bindings) {
      if (batchParameters.has(binding.property)) continue;
      if (bindingSources(binding).some((source) => source.from !== 'literal' && source.batch)) {
        report({ ...where, code: 'BATCH_INTO_SCALAR_PROPERTY', errorType: 'ExecutionGraphStructureError', property: binding.property, message: `Detected invalid reference plugged into property \`${binding.property}\` of step \`$steps.${step.name}\` - the step property do not accept batch-oriented inputs, yet the input selector holds one - this indicates the problem with construction of your Workflow - usually the problem occurs when non-batch oriented step inputs are filled with outputs of batch-oriented steps or batch-oriented inputs.` });
        return;
      }
    }
  }

  // Dimensionality and lineage of each property's data.
  const data: PropertyData[] = [];
  for (const binding of step.bindings) {
    const batchSources = bindingSources(binding).filter((source): source is ValueSource & { lineage: string[] } => source.from !== 'literal' && source.lineage.length > 0);
    if (batchSources.length === 0) continue;
    const dimensionalities = new Set(batchSources.map((source) => source.lineage.length));
    if (binding.shape !== 'value' && dimensionalities.size > 1) {
      const set = pythonRepr(dimensionalities);
      report({ ...where, code: 'STEP_INPUT_DIMENSIONALITY', errorType: 'StepInputDimensionalityError', property: binding.property, context: `${GRAPH} | collecting_step_input_data`, message: `While evaluating compound property ${binding.property} of step ${step.name}, detected multiple inputs of differing batch dimensionalities: ${set}`, hint: `Detected multiple inputs of differing batch dimensionalities: ${set}` });
      return;
    }
    const lineages = distinctLineages(batchSources.map((source) => source.lineage));
    if (lineages.length > 1) {
      report({ ...where, code: 'STEP_INPUT_LINEAGE', errorType: 'StepInputLineageError', status: 500, property: binding.property, context: `${GRAPH} | collecting_step_inputs_lineage`, message: `Input data provided for step: \`${step.name}\` comes with multiple different lineages ${pythonRepr(lineages)} for property \`${binding.property}\` accepting multiple selectors, which is not allowed.` });
      return;
    }
    data.push({ property: binding.property, dimensionality: batchSources[0]!.lineage.length, lineage: lineages[0] });
  }
  const dims = data.map((entry) => entry.dimensionality);
  if (dims.length > 0 && Math.max(...dims) - Math.min(...dims) > 1) {
    report({ ...where, code: 'STEP_INPUT_DIMENSIONALITY', errorType: 'StepInputDimensionalityError', context: `${GRAPH} | collecting_step_input_data`, message: `For step ${step.name} attempted to plug input data differing in dimensionality more than 1`, hint: `Dimensionality of input parameters differs by more than 1. Detected dimensions: ${pythonRepr(dimensionsByProperty(step, data))}` });
    return;
  }

  // The block's declared offsets against the data it gets (verify_output_offset).
  const batchProperties = new Set(data.map((entry) => entry.property));
  if (batchProperties.size === 0 && outputOffset < 0) {
    report({ ...where, code: 'STEP_INPUT_DIMENSIONALITY', errorType: 'StepInputDimensionalityError', context: `${GRAPH} | verification_of_output_offset`, message: `Block defining step ${step.name} defines negative dimensionality offset while only scalar inputs being provided - the block cannot run as there is no dimension to collapse.` });
    return;
  }
  if (referenceProperty !== undefined && batchProperties.size > 0 && !batchProperties.has(referenceProperty)) {
    interfaceProblem(`Block defining step ${step.name} defines dimensionality reference property which is not in scope of parameters bring batch-oriented input, which makes it impossible to use as reference for output dimensionality.`, 'verification_of_output_offset');
    return;
  }
  const declaredOffsets = new Set(offsetValues);
  if ([...batchProperties].some((property) => !(property in offsets))) declaredOffsets.add(0);
  if (batchProperties.size > 0 && !declaredOffsets.has(0)) {
    interfaceProblem(`Block defining step ${step.name} explicitly defines input dimensionalities offsetswith ${pythonRepr(offsets)}, but the definition lack 0-level input, which is not allowed, as in this scenario offsets could be adjusted to include 0`, 'verification_of_output_offset');
    return;
  }
  if (declaredOffsets.size > 1 && referenceProperty === undefined) {
    interfaceProblem(`Block defining step ${step.name} explicitly defines input dimensionality offsets ${pythonRepr(offsets)}. In this scenario it is required to provide dimensionality reference property.`, 'verification_of_output_offset');
    return;
  }
  if (declaredOffsets.size > 1 && outputOffset !== 0) {
    interfaceProblem(`Block defining step ${step.name} explicitly defines input dimensionality offsets ${pythonRepr(offsets)} and output dimensionality offset ${outputOffset} where the latter is not 0, but for inputs differing with dimensionality it is only possible to keep output dimensionality the same and point reference parameter.`, 'verification_of_output_offset');
    return;
  }

  // The data's dimensionalities against the offsets (verify_input_data_dimensionality).
  if (data.length > 0) {
    if (referenceProperty === undefined) {
      if (new Set(dims).size > 1) {
        const byProperty = pythonRepr(Object.fromEntries(data.map((entry) => [entry.property, entry.dimensionality])));
        report({ ...where, code: 'STEP_INPUT_DIMENSIONALITY', errorType: 'StepInputDimensionalityError', context: `${GRAPH} | denoting_step_inputs_dimensionality`, message: `Block defining step ${step.name} does not define dimensionality reference property, which means that all batch-oriented parameters must be at the same dimensionality level, but detected the following dimensionalities for parameters ${byProperty}`, hint: `Dimensionality of input parameters doesn't match: ${byProperty}` });
        return;
      }
    } else {
      const reference = data.find((entry) => entry.property === referenceProperty)!;
      const referenceOffset = offsets[referenceProperty] ?? 0;
      for (const entry of data) {
        const expected = (offsets[entry.property] ?? 0) - referenceOffset + reference.dimensionality;
        if (expected <= 0) {
          report({ ...where, code: 'STEP_INPUT_DIMENSIONALITY', errorType: 'StepInputDimensionalityError', context: `${GRAPH} | denoting_step_inputs_dimensionality`, message: `Given the definition of block defining step ${step.name} and data provided, the block would expect batch input dimensionality to be 0 or below, which is invalid.` });
          return;
        }
        if (expected !== entry.dimensionality) {
          report({ ...where, code: 'STEP_INPUT_DIMENSIONALITY', errorType: 'StepInputDimensionalityError', property: entry.property, context: `${GRAPH} | denoting_step_inputs_dimensionality`, message: `Data fed into step \`${step.name}\` property \`${entry.property}\` has actual dimensionality ${entry.dimensionality}, when expected was ${expected}`, hint: `Expected dimensionality ${expected}, but received dimensionality ${entry.dimensionality}` });
          return;
        }
      }
    }
  }

  // Lineages must nest (verify_lineages).
  const lineages = distinctLineages(data.map((entry) => entry.lineage!));
  if (!checkLineages(step, lineages, where, report)) return;

  // Flow-control steps deciding about this one must decide over the data it gets.
  const controllerLineages = step.controlledBy.map((name) => ({ name, lineage: steps.get(name)!.executionLineage })).filter((entry) => entry.lineage.length > 0);
  // Without batch inputs the step runs under the deepest decision, so the others must lie on its path.
  const deepestController = controllerLineages.reduce<string[]>((deepest, entry) => (entry.lineage.length > deepest.length ? entry.lineage : deepest), []);
  const dataLineages = lineages.length > 0 ? lineages : controllerLineages.length > 0 ? [deepestController] : [];
  if (dataLineages.length > 0) {
    const prefixes = new Set(dataLineages.flatMap((lineage) => lineage.map((_, index) => lineageId(lineage.slice(0, index + 1)))));
    const incompatible = controllerLineages.filter((entry) => !prefixes.has(lineageId(entry.lineage)));
    if (incompatible.length > 0) {
      report({ ...where, code: 'CONTROL_FLOW_LINEAGE', errorType: 'ControlFlowDefinitionError', status: 500, context: `${GRAPH} | verification_of_control_flow_lineage`, message: `Step ${step.name} execution is impacted by control flow outcome of the following steps ${pythonRepr(incompatible.map((entry) => `$steps.${entry.name}`))} which make decision based on data that is not compatible with data fed to the step ${step.name} - which would cause the step to never execute. This behaviour is invalid and prevented upfront by Workflows compiler.` });
      return;
    }
  }

  // The lineage the step runs over and the one its outputs get.
  let reference: string[];
  if (lineages.length === 0) {
    // Only scalars: a step under a batch-oriented flow-control decision runs per element of that decision.
    reference = deepestController;
  } else if (lineages.length === 1) {
    reference = lineages[0]!;
  } else {
    reference = data.find((entry) => entry.property === referenceProperty)!.lineage!;
  }
  const shallowest = lineages.length === 0 ? reference : lineages.reduce((a, b) => (b.length < a.length ? b : a));
  if (outputOffset < 0) {
    step.executionLineage = reference.slice(0, -1);
    step.outputLineage = step.executionLineage;
  } else {
    step.executionLineage = shallowest;
    step.outputLineage = outputOffset > 0 ? [...shallowest, `$steps.${step.name}`] : shallowest;
  }
  step.isBatch = step.executionLineage.length > 0;
}

function checkLineages(step: CompiledStep, lineages: string[][], where: { step: string; blockType: string; context: string }, report: (problem: ProblemInput) => void): boolean {
  if (lineages.length <= 1) return true;
  const context = `${GRAPH} | collecting_step_inputs_lineage`;
  const byLength = new Map<number, string[][]>();
  for (const lineage of lineages) byLength.set(lineage.length, [...(byLength.get(lineage.length) ?? []), lineage]);
  const lengths = [...byLength.keys()].sort((a, b) => a - b);
  const problem = (message: string) => {
    report({ ...where, code: 'STEP_INPUT_LINEAGE', errorType: 'StepInputLineageError', status: 500, context, message });
    return false;
  };
  if (lengths.length > 2) return problem(`Input data provided for step: \`${step.name}\` comes with lineages at more than two dimensionality levels, which should not be possible.`);
  if (lengths.some((length) => byLength.get(length)!.length > 1)) return problem(`Among step \`${step.name}\` inputs found different lineages at the same  dimensionality levels dimensionality.`);
  const shallow = byLength.get(lengths[0]!)![0]!;
  const deep = byLength.get(lengths[1]!)![0]!;
  if (lineageId(shallow) !== lineageId(deep.slice(0, -1))) {
    return problem(`Step \`${step.name}\` inputs does not share common lineage. Differing element: ${pythonRepr(deep)}, reference lineage prefix: ${pythonRepr(shallow)}`);
  }
  return true;
}

function dimensionsByProperty(step: CompiledStep, data: PropertyData[]): Record<string, Set<number>> {
  const result: Record<string, Set<number>> = {};
  for (const binding of step.bindings) result[binding.property] = new Set([data.find((entry) => entry.property === binding.property)?.dimensionality ?? 0]);
  return result;
}

function lineageId(lineage: readonly string[]): string {
  return lineage.join('\u0000');
}

function distinctLineages(lineages: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const lineage of lineages) if (!seen.has(lineageId(lineage))) seen.set(lineageId(lineage), lineage);
  return [...seen.values()];
}
