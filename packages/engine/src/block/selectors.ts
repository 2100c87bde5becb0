import { describeKind, type Kind } from '@flow/kinds';
import { z } from 'zod';

/** Regexes of the reference selector grammar (reference §2.1), kept exactly. */
export const stepOutputSelectorPattern = /^\$steps\.[A-Za-z_\-0-9]+\.[A-Za-z_*0-9-]+$/;
export const inputSelectorPattern = /^\$inputs.[A-Za-z_0-9-]+$/;
/** A reference to a whole step (`$steps.name`), the target of a flow-control block. */
export const stepSelectorPattern = /^\$steps\.[A-Za-z_\-0-9]+$/;
export const anySelectorPattern = /(^\$steps\.[A-Za-z_\-0-9]+\.[A-Za-z_*0-9-]+$)|(^\$inputs.[A-Za-z_0-9-]+$)/;

export type SelectedElement = 'any_data' | 'step_output' | 'workflow_parameter' | 'workflow_image' | 'step';

/** What the compiler needs to know about a selector-typed property. */
export interface SelectorInfo {
  kinds: readonly Kind[];
  selectedElement: SelectedElement;
  /** For the literal half of `literalOrSelector`: checked against `$inputs` parameter values at run time. */
  literal?: z.ZodType;
}

const selectorInfos = new WeakMap<z.ZodType, SelectorInfo>();

/** The selector information attached to a schema made by the helpers below, if any. */
export function getSelectorInfo(schema: z.ZodType): SelectorInfo | undefined {
  return selectorInfos.get(schema);
}

function register<T extends z.ZodType>(schema: T, info: SelectorInfo): T {
  selectorInfos.set(schema, info);
  return schema;
}

/** Text shown for a property in describe output and editors. */
export interface SelectorOptions {
  title?: string;
  description?: string;
}

function selectorSchema(pattern: RegExp, kinds: readonly Kind[], selectedElement: SelectedElement, pointsToBatch: boolean | 'dynamic', options: SelectorOptions = {}) {
  const base = z.string().regex(pattern, { message: `must be a selector like ${selectedElement === 'workflow_parameter' ? '"$inputs.name"' : '"$inputs.name" or "$steps.step.output"'}` });
  const schema = base.meta({
    ...(options.title ? { title: options.title } : {}),
    ...(options.description ? { description: options.description } : {}),
    reference: true,
    selected_element: selectedElement,
    kind: kinds.map(describeKind),
    selector_points_to_batch: pointsToBatch,
  });
  return register(schema, { kinds, selectedElement });
}

/** A reference to an input or a step output of one of `kinds` (the modern generic `Selector`). */
export function selector(kinds: readonly Kind[], options: SelectorOptions = {}) {
  return selectorSchema(anySelectorPattern, kinds, 'any_data', 'dynamic', options);
}

/**
 * A reference to a whole step (`$steps.name`): the branch a flow-control block may continue with. The
 * compiler treats every such property as a flow-control edge (reference §6.4).
 */
export function stepSelector(options: SelectorOptions = {}) {
  const base = z.string().regex(stepSelectorPattern, { message: 'must be a step selector like "$steps.step"' });
  const schema = base.meta({
    ...(options.title ? { title: options.title } : {}),
    ...(options.description ? { description: options.description } : {}),
    reference: true,
    selected_element: 'step',
  });
  return register(schema, { kinds: [], selectedElement: 'step' });
}

/** A reference to a step output only. */
export function stepOutputSelector(kinds: readonly Kind[], options: SelectorOptions = {}) {
  return selectorSchema(stepOutputSelectorPattern, kinds, 'step_output', true, options);
}

/** A reference to a workflow parameter (`$inputs.name`) only. */
export function parameterSelector(kinds: readonly Kind[], options: SelectorOptions = {}) {
  return selectorSchema(inputSelectorPattern, kinds, 'workflow_parameter', false, options);
}

/**
 * A property that takes either a literal value or a selector. The literal schema is remembered so that
 * a `$inputs` parameter plugged in here is validated against it when the workflow runs.
 */
export function literalOrSelector<T extends z.ZodType>(literal: T, kinds: readonly Kind[], options: SelectorOptions = {}) {
  const reference = selectorSchema(anySelectorPattern, kinds, 'any_data', 'dynamic');
  const union = z.union([reference, literal]);
  const schema = options.title || options.description ? union.meta({ ...(options.title ? { title: options.title } : {}), ...(options.description ? { description: options.description } : {}) }) : union;
  return register(schema, { kinds, selectedElement: 'any_data', literal });
}

export type SelectorShape = 'single' | 'list' | 'dict';

export interface PropertySelectors {
  kinds: Set<string>;
  shapes: Set<SelectorShape>;
  literal?: z.ZodType;
  /** True when the property takes step selectors (`$steps.name`): flow-control branches. */
  steps?: boolean;
}

/**
 * Walks a property schema (through optional, default, nullable, union, array and record wrappers) and
 * collects which kinds its selectors accept and where they may sit: the value itself, list elements or
 * dict values (one level deep, as the reference allows).
 */
export function findPropertySelectors(schema: z.ZodType): PropertySelectors | undefined {
  const found: PropertySelectors = { kinds: new Set(), shapes: new Set() };
  visit(schema, 'single', found, 0);
  return found.shapes.size > 0 ? found : undefined;
}

function visit(schema: z.ZodType, shape: SelectorShape, found: PropertySelectors, depth: number): void {
  if (depth > 8) return;
  const info = selectorInfos.get(schema);
  if (info) {
    for (const kind of info.kinds) found.kinds.add(kind.name);
    found.shapes.add(shape);
    if (info.selectedElement === 'step') found.steps = true;
    if (info.literal && shape === 'single') found.literal = info.literal;
    if (info.literal) visit(info.literal, shape, found, depth + 1);
    return;
  }
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      visit(def.innerType as z.ZodType, shape, found, depth + 1);
      return;
    case 'pipe':
      visit(def.in as z.ZodType, shape, found, depth + 1);
      return;
    case 'union':
      for (const option of def.options as z.ZodType[]) visit(option, shape, found, depth + 1);
      return;
    case 'array':
      if (shape === 'single') visit(def.element as z.ZodType, 'list', found, depth + 1);
      return;
    case 'record':
      if (shape === 'single') visit(def.valueType as z.ZodType, 'dict', found, depth + 1);
      return;
    default:
      return;
  }
}
