import { literalOrSelector, selector } from '@flow/engine';
import { floatKind, listOfValuesKind, roboflowManagedKeyKind, secretKind, stringKind } from '@flow/kinds';
import { z } from 'zod';
import { requireImages } from '../../common/images-property.js';
import { recommendedParsers, unsetTaskField, VLM_TASK_METADATA, type VlmTaskType } from '../../common/vlm-tasks.js';

export function taskTypeProperty(tasks: readonly [VlmTaskType, ...VlmTaskType[]], formatterGeneration: 1 | 2, metadataOverrides: Partial<typeof VLM_TASK_METADATA> = {}) {
  return z
    .enum(tasks)
    .default('unconstrained')
    .describe('What the model is asked to do; it decides which other properties are required and what shape the answer has.')
    .meta({
      values_metadata: Object.fromEntries(tasks.map((task) => [task, metadataOverrides[task] ?? VLM_TASK_METADATA[task]])),
      recommended_parsers: recommendedParsers(formatterGeneration, tasks),
      always_visible: true,
    });
}

/** `prompt`, `output_structure`, `classes`: what the task types read. */
export function taskInputProperties(vendor: string) {
  return {
    prompt: literalOrSelector(z.string(), [stringKind], { description: `Text prompt to the ${vendor} model (required for unconstrained and visual-question-answering).` }).nullable().optional(),
    output_structure: z
      .record(z.string(), z.string())
      .nullable()
      .optional()
      .describe('For structured-answering: the fields of the JSON answer, each mapped to a description of what it must hold.'),
    classes: literalOrSelector(z.array(z.string()), [listOfValuesKind], { description: 'Class names the model may answer with (classification, multi-label-classification, object-detection).' })
      .nullable()
      .optional(),
  };
}

/**
 * `api_key`: a key, or a Roboflow-managed placeholder (`rf_key:account`) that means the vendor's key from the
 * environment. Versions that default to the placeholder also take the `roboflow_managed_api_key` kind.
 */
export function apiKeyProperty(vendor: string, defaultsToManagedKey: boolean) {
  const kinds = defaultsToManagedKey ? [stringKind, secretKind, roboflowManagedKeyKind] : [stringKind, secretKind];
  const key = literalOrSelector(z.string(), kinds, { description: `Your ${vendor} API key; \`rf_key:account\` (or \`rf_key:user:<id>\`) uses the key from the environment.` });
  const hidden = key.meta({ private: true });
  return defaultsToManagedKey ? hidden.default('rf_key:account') : hidden;
}

export function temperatureProperty(maximum: number, extra = '') {
  return literalOrSelector(z.number().min(0).max(maximum), [floatKind], {
    description: `Sampling temperature, from 0 to ${maximum}: higher gives more varied answers.${extra}`,
  })
    .nullable()
    .optional();
}

export function maxConcurrentRequestsProperty(vendor: string) {
  return z
    .number()
    .int()
    .nullable()
    .optional()
    .describe(`How many images of a batch are sent at once; unset uses FLOW_MAX_CONCURRENT_REQUESTS (8). Lower it if you hit ${vendor} rate limits.`);
}

/** What every task-type manifest holds, as far as the shared rules read it. */
export interface TaskFields {
  task_type: VlmTaskType;
  prompt?: unknown;
  output_structure?: unknown;
  classes?: unknown;
  images?: unknown;
}

const isMissing = (value: unknown) => value === undefined || value === null;

/** The reference's required-field rules (first broken one reported, with its message) and our image rule. */
export function checkTaskFields(manifest: TaskFields, context: z.RefinementCtx): void {
  if (isMissing(manifest.images)) return requireImages(manifest, context);
  const unset = unsetTaskField(manifest.task_type, manifest);
  if (unset) context.addIssue({ code: 'custom', path: [unset.field], message: unset.message });
}

/** True when a manifest value is a selector (resolved only at run time), so literal-only rules skip it. */
export function isSelectorValue(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('$');
}

/**
 * `model_version`: a literal from the version's catalogue, or a selector whose value may name any model (the
 * reference passes unknown labels through, so a new model needs no new release). Deliberately not
 * `literalOrSelector`, which would hold parameter values to the catalogue too.
 */
export function modelVersionProperty<Literal extends z.ZodType>(literal: Literal, description: string) {
  return z.union([selector([stringKind], { description }), literal]).describe(description);
}
