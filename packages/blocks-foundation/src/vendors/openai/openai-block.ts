import { literalOrSelector } from '@flow/engine';
import { FlowError, stringKind, type WorkflowImage } from '@flow/kinds';
import { prepareImage } from '@flow/providers-core';
import { z } from 'zod';
import { buildTaskPrompt, type DetectionFormat } from '../../common/task-prompts.js';
import { imagePartOf, promptOptions, samplingOptions } from '../common/request-parts.js';
import { scaleToMaxEdge } from '../common/scale-to-max-edge.js';
import { VLM_TASK_TYPES, type VlmTaskType } from '../../common/vlm-tasks.js';
import { vlmBlock, type VlmStepInputs, type VendorRequest } from '../common/vlm-block.js';
import {
  apiKeyProperty,
  checkTaskFields,
  isSelectorValue,
  maxConcurrentRequestsProperty,
  modelVersionProperty,
  taskInputProperties,
  taskTypeProperty,
  temperatureProperty,
  type TaskFields,
} from '../common/vlm-manifest.js';
import { imagesProperties } from '../../common/images-property.js';
import { findOpenAIModel, OPENAI_MODEL_VERSIONS, openAIDetectionFormat, openAIModelMetadata, REASONING_EFFORTS } from './catalogue.js';

export const OPENAI_ENV_VARS = ['OPENAI_API_KEY'] as const;

/** v5 sends object-detection images at most this long (and lossless), and asks for boxes in those pixels. */
export const OPENAI_DETECTION_MAX_EDGE = 2048;

/** What one version of `roboflow_core/open_ai` (v2 ... v5) chooses; v1 is a different block (`v1.ts`). */
export interface OpenAIVersion {
  version: 2 | 3 | 4 | 5;
  /** v2/v3 call Chat Completions; v4/v5 the Responses API. */
  api: 'chat' | 'responses';
  defaultModel: string;
  /** v3+ default `api_key` to the Roboflow-managed placeholder (here: the environment's key). */
  apiKeyDefaultsToManagedKey: boolean;
  /** v4+: `reasoning_effort`, `max_tokens` optional (>= 16), `object-detection`, the v2 formatters. */
  modern: boolean;
  /** v5: object-detection answer shape per model, image downscaled to 2048 and sent as PNG without `detail`. */
  detectionPerModel: boolean;
}

const LONG_DESCRIPTION = `Ask OpenAI's GPT models about an image: your own prompt, or a predefined task (OCR, captions, visual question answering, classification, structured JSON answers and, from v4, object detection).

Every image of a batch is one request. Classification, structured-answering and object-detection ask for JSON that matches a schema (OpenAI's structured output), so the parser downstream (\`vlm_as_classifier\`, \`json_parser\`, \`vlm_as_detector\`) gets valid JSON.

The key is \`api_key\`; \`rf_key:account\` or no key uses \`OPENAI_API_KEY\` from the environment (and \`OPENAI_BASE_URL\` to reach a compatible server).`;

function openAIManifest(config: OpenAIVersion) {
  const tasks = (config.modern ? VLM_TASK_TYPES : VLM_TASK_TYPES.filter((task) => task !== 'object-detection')) as unknown as [VlmTaskType, ...VlmTaskType[]];
  const models = OPENAI_MODEL_VERSIONS[config.version] as unknown as [string, ...string[]];
  const literal = config.modern ? z.enum(models).meta({ values_metadata: openAIModelMetadata() }) : z.enum(models);
  const modelVersion = modelVersionProperty(literal, 'The OpenAI model to ask.');
  return z
    .object({
      ...imagesProperties(),
      task_type: taskTypeProperty(tasks, config.modern ? 2 : 1),
      ...taskInputProperties('OpenAI'),
      api_key: apiKeyProperty('OpenAI', config.apiKeyDefaultsToManagedKey),
      model_version: modelVersion.default(config.defaultModel),
      ...(config.modern
        ? {
            reasoning_effort: literalOrSelector(z.enum(REASONING_EFFORTS), [stringKind], {
              description: 'How much the model reasons before answering (models that reason only; each accepts its own values, see the catalogue).',
            })
              .nullable()
              .optional(),
          }
        : {}),
      image_detail: literalOrSelector(z.enum(['auto', 'high', 'low']), [stringKind], {
        description: `How closely the model looks at the image: \`high\` for fine detail, \`low\` to save tokens.${config.detectionPerModel ? ' Not sent with object-detection.' : ''}`,
      }).default('auto'),
      max_tokens: config.modern
        ? z.number().int().min(16).nullable().optional().describe("Most tokens the answer may have (at least 16); unset uses the model's own limit.")
        : z.number().int().default(450).describe('Most tokens the answer may have.'),
      temperature: temperatureProperty(2),
      max_concurrent_requests: maxConcurrentRequestsProperty('OpenAI'),
    })
    .superRefine((manifest, context) => {
      checkTaskFields(manifest as TaskFields, context);
      const effort = (manifest as { reasoning_effort?: unknown }).reasoning_effort;
      if (typeof effort === 'string' && (REASONING_EFFORTS as readonly string[]).includes(effort) && !isSelectorValue(manifest.model_version)) {
        const problem = reasoningEffortProblem(manifest.model_version, effort);
        if (problem) context.addIssue({ code: 'custom', path: ['reasoning_effort'], message: problem });
      }
    });
}

/** The reference's rule: a model that reasons accepts only its own efforts; other models ignore the setting. */
export function reasoningEffortProblem(modelId: string, effort: string): string | undefined {
  const efforts = findOpenAIModel(modelId)?.reasoningEfforts ?? [];
  if (efforts.length === 0 || efforts.includes(effort)) return undefined;
  return `Model ${modelId} does not support reasoning effort "${effort}"`;
}

/** The reasoning effort to send, if any (only for catalogue models that reason). */
function reasoningEffortFor(modelId: string, effort: unknown): string | undefined {
  if (typeof effort !== 'string') return undefined;
  const problem = reasoningEffortProblem(modelId, effort);
  if (problem) throw new FlowError({ code: 'INVALID_STEP_INPUT', message: problem, details: { property: 'reasoning_effort' } });
  return (findOpenAIModel(modelId)?.reasoningEfforts.length ?? 0) > 0 ? effort : undefined;
}

async function buildOpenAIRequest(config: OpenAIVersion, inputs: VlmStepInputs, image: WorkflowImage): Promise<VendorRequest> {
  const modelId = inputs.model_version;
  const detail = (inputs['image_detail'] as 'auto' | 'high' | 'low' | undefined) ?? 'auto';
  const reasoningEffort = config.modern ? reasoningEffortFor(modelId, inputs['reasoning_effort']) : undefined;
  const base = {
    ...samplingOptions(inputs.max_tokens, inputs.temperature),
    providerOptions: { openai: { api: config.api, ...(reasoningEffort !== undefined ? { reasoningEffort } : {}) } },
  };
  const request = { task: inputs.task_type, prompt: inputs.prompt, classes: inputs.classes, outputStructure: inputs.output_structure };

  if (inputs.task_type === 'object-detection' && config.detectionPerModel) {
    const format: DetectionFormat = openAIDetectionFormat(modelId);
    const uploadSize = scaleToMaxEdge(image.width, image.height, OPENAI_DETECTION_MAX_EDGE);
    const part = await prepareImage(imagePartOf(image), { key: 'openai:detection', maxLongEdge: OPENAI_DETECTION_MAX_EDGE, mediaTypes: ['image/png'], strict: true });
    const prompt = buildTaskPrompt({ ...request, detectionFormat: format, uploadSize });
    // The normalized shape keeps v4's order (classes, then image); the absolute ones show the image first.
    return { modelId, options: { ...base, ...promptOptions(prompt, part, { imageFirst: format !== 'normalized' }) } };
  }
  const prompt = buildTaskPrompt({ ...request, detectionFormat: 'normalized' });
  return { modelId, options: { ...base, ...promptOptions(prompt, imagePartOf(image, detail), { imageFirst: false }) } };
}

/** One version of `roboflow_core/open_ai` from v2 on. */
export function openAIBlock(config: OpenAIVersion) {
  return vlmBlock({
    type: `roboflow_core/open_ai@v${config.version}`,
    name: 'OpenAI',
    shortDescription: "Ask OpenAI's GPT models about images.",
    longDescription: LONG_DESCRIPTION,
    schemaExtra: {
      search_keywords: ['LMM', 'VLM', 'ChatGPT', 'GPT', 'OpenAI'],
      is_vlm_block: true,
      task_type_property: 'task_type',
      ui_manifest: { section: 'model', icon: 'fal fa-atom', blockPriority: 5, popular: true },
    },
    manifest: openAIManifest(config),
    provider: 'openai',
    vendorName: 'OpenAI',
    envVars: OPENAI_ENV_VARS,
    strictAnswers: config.modern,
    buildRequest: (inputs, image) => buildOpenAIRequest(config, inputs, image),
  });
}
