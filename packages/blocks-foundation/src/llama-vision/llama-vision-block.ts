import { defineBlock, literalOrSelector } from '@flow/engine';
import { FlowError, floatKind, languageModelOutputKind, listOfValuesKind, roboflowManagedKeyKind, secretKind, stringKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { resolveApiKey } from '../common/api-key.js';
import { askPerImage } from '../common/ask-per-image.js';
import { imagePartOf } from '../common/image-part.js';
import { IMAGE_BATCH_PARAMETERS, IMAGE_PROPERTY_ALIASES, imagesOf, imagesProperties, requireImages } from '../common/images-property.js';
import { defaultMaxConcurrentRequests } from '../common/per-image.js';
import { envOf, providersOf } from '../common/services.js';
import { taskRequest } from '../common/task-prompts.js';
import { missingTaskField, VLM_TASK_METADATA, type VlmTask } from '../common/vlm-tasks.js';
import { PRIVACY_ROUTING, type PrivacyLevel } from './model-versions.js';

const OPENROUTER_KEY_ENV = ['OPENROUTER_API_KEY'] as const;

export interface LlamaVisionInputs {
  images?: WorkflowImage[];
  task_type: VlmTask;
  prompt?: string | null;
  output_structure?: Record<string, string> | null;
  classes?: string[] | null;
  api_key?: string;
  model_version: string;
  max_tokens: number;
  temperature: number | null;
  max_concurrent_requests?: number | null;
  privacy_level?: PrivacyLevel;
}

interface LlamaVersion<Tasks extends readonly [VlmTask, ...VlmTask[]]> {
  type: string;
  version: 1 | 2;
  tasks: Tasks;
  modelVersions: Record<string, string>;
  defaultModelVersion: string;
  recommendedParsers: Partial<Record<VlmTask, string>>;
  license: string;
  deprecated?: boolean;
  /** v2 fails the step when OpenRouter sends no content (v1 passes the empty answer on, as the reference's null). */
  emptyAnswerIsError?: boolean;
}

/** The reference v2's words for a reply without `message.content`, with its hint by finish reason. */
export function missingContentMessage(finishReason: string): string {
  const hint =
    finishReason === 'length'
      ? ' The model may be a reasoning model that ran out of tokens during its internal thinking step. Try increasing `max_tokens` (e.g. 1000+) or pick a non-reasoning model variant.'
      : ' This can happen when the model returns only tool calls or reasoning tokens. Try a different prompt or model.';
  return `OpenRouter response missing message.content.${hint}`;
}

/** One version of the Llama 3.2 Vision block; versions differ in type, tasks, models, key default and privacy routing. */
export function llamaVisionBlock<const Tasks extends readonly [VlmTask, ...VlmTask[]]>(options: LlamaVersion<Tasks>) {
  const modelLabels = Object.keys(options.modelVersions) as [string, ...string[]];
  const apiKeyProperty =
    options.version === 1
      ? literalOrSelector(z.string(), [stringKind, secretKind], { description: 'OpenRouter API key. A Roboflow-managed placeholder (`rf_key:...`) uses OPENROUTER_API_KEY.' }).meta({ private: true })
      : literalOrSelector(z.string(), [stringKind, secretKind, roboflowManagedKeyKind], {
          description: 'OpenRouter API key. The default Roboflow-managed placeholder (`rf_key:account`) uses OPENROUTER_API_KEY from the environment.',
        })
          .default('rf_key:account')
          .meta({ private: true });
  const manifest = z
    .object({
      ...imagesProperties('The images to ask about; one request per image.'),
      task_type: z
        .enum(options.tasks)
        .default('unconstrained' as Tasks[number])
        .describe('What the model should do; the parsers after it depend on the answer shape.')
        .meta({ values_metadata: Object.fromEntries(options.tasks.map((task) => [task, { ...VLM_TASK_METADATA[task], recommended_parsers: options.recommendedParsers[task] }])) }),
      prompt: literalOrSelector(z.string(), [stringKind], { description: 'Text prompt (open prompt) or question (visual question answering).' }).nullable().optional(),
      output_structure: z.record(z.string(), z.string()).nullable().optional().describe('For structured answering: field name to what it must hold.'),
      classes: literalOrSelector(z.array(z.string()), [listOfValuesKind], { description: 'Classes for classification and detection tasks.' }).nullable().optional(),
      api_key: apiKeyProperty,
      model_version: literalOrSelector(z.enum(modelLabels), [stringKind], { description: 'Model variant, served by OpenRouter.' }).default(options.defaultModelVersion),
      max_tokens: z.int().gt(1).default(500).describe('Most tokens the model may answer with.'),
      temperature: literalOrSelector(z.number(), [floatKind], { description: 'Sampling temperature in [0, 2]; lower is more deterministic.' }).nullable().default(0.1),
      max_concurrent_requests: z.int().gt(0).nullable().optional().describe('Requests in flight at once (default FLOW_MAX_CONCURRENT_REQUESTS, 8).'),
      ...(options.version === 2
        ? { privacy_level: z.enum(['allow', 'deny', 'zdr']).default('deny').describe('OpenRouter data policy: `deny` keeps providers that log prompts away, `zdr` only zero-data-retention ones.') }
        : {}),
    })
    .superRefine((values, context) => {
      requireImages(values, context);
      if (typeof values.temperature === 'number' && (values.temperature < 0 || values.temperature > 2)) {
        context.addIssue({ code: 'custom', path: ['temperature'], message: "'temperature' parameter required to be in range [0.0, 2.0]" });
      }
      const missing = missingTaskField(values.task_type as VlmTask, values);
      if (missing) context.addIssue({ code: 'custom', message: missing });
    });

  return defineBlock<LlamaVisionInputs, typeof manifest>({
    type: options.type,
    name: 'Llama 3.2 Vision',
    blockType: 'model',
    shortDescription: 'Run Meta Llama 3.2 Vision through OpenRouter: captions, OCR, questions, classification, structured answers.',
    longDescription: `Sends each image, with the instructions for \`task_type\`, to Llama 3.2 Vision on OpenRouter and outputs its answer as text. Answers of the classification${options.version === 2 ? ', detection' : ''} and structured-answering tasks are JSON meant for the parser blocks (\`vlm_as_classifier\`, ${options.version === 2 ? '`vlm_as_detector@v2`, ' : ''}\`json_parser\`).`,
    license: options.license,
    deprecated: options.deprecated,
    executionEngineCompatibility: '>=1.3.0,<2.0.0',
    schemaExtra: { ui_manifest: { section: 'model', icon: 'fa-brands fa-meta', blockPriority: 5 }, is_vlm_block: true, task_type_property: 'task_type' },
    manifest,
    outputs: { output: [stringKind, languageModelOutputKind], classes: [listOfValuesKind] },
    propertyAliases: IMAGE_PROPERTY_ALIASES,
    batchParameters: IMAGE_BATCH_PARAMETERS,
    async run(inputs, context) {
      const step = context.step.name;
      const modelId = options.modelVersions[inputs.model_version];
      if (!modelId) {
        throw new FlowError({
          code: 'UNKNOWN_MODEL_VERSION',
          message: `Step \`${step}\`: \`model_version\` "${inputs.model_version}" is not one of ${modelLabels.map((label) => `"${label}"`).join(', ')}.`,
          details: { step, property: 'model_version' },
        });
      }
      const missing = missingTaskField(inputs.task_type, inputs);
      if (missing) throw new FlowError({ code: 'MISSING_TASK_FIELD', message: `Step \`${step}\`: ${missing}`, details: { step } });
      if (typeof inputs.temperature === 'number' && (inputs.temperature < 0 || inputs.temperature > 2)) {
        throw new FlowError({ code: 'INVALID_TEMPERATURE', message: `Step \`${step}\`: 'temperature' parameter required to be in range [0.0, 2.0]`, details: { step, property: 'temperature' } });
      }
      const apiKey = resolveApiKey({ value: inputs.api_key, step, field: 'api_key', envVars: OPENROUTER_KEY_ENV, env: envOf(context) });
      const model = providersOf(context).languageModel('openrouter', modelId, { apiKey });
      const request = taskRequest(inputs.task_type, { prompt: inputs.prompt, classes: inputs.classes, outputStructure: inputs.output_structure });
      const routing = inputs.privacy_level === undefined ? undefined : PRIVACY_ROUTING[inputs.privacy_level];
      const images = imagesOf(inputs);
      const answers = await askPerImage(model, images, inputs.max_concurrent_requests ?? defaultMaxConcurrentRequests(envOf(context)), context, async (image) => ({
        ...(request.system === undefined ? {} : { system: request.system }),
        content: [...(request.text === undefined ? [] : [{ type: 'text' as const, text: request.text }]), imagePartOf(image)],
        maxTokens: inputs.max_tokens,
        ...(inputs.temperature === null ? {} : { temperature: inputs.temperature }),
        ...(routing ? { providerOptions: { openrouter: { provider: { ...routing } } } } : {}),
      }));
      if (options.emptyAnswerIsError) {
        const empty = answers.findIndex((answer) => answer.text === '');
        if (empty !== -1) {
          throw new FlowError({ code: 'MODEL_ANSWER_EMPTY', message: `Step \`${step}\`: image ${empty}: ${missingContentMessage(answers[empty]!.finishReason)}`, details: { step, batchIndex: empty } });
        }
      }
      return answers.map((answer) => ({ output: answer.text, classes: inputs.classes ?? null }));
    },
  });
}
