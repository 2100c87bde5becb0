import { literalOrSelector } from '@flow/engine';
import { FlowError, integerKind, type WorkflowImage } from '@flow/kinds';
import { prepareImage } from '@flow/providers-core';
import { z } from 'zod';
import { buildTaskPrompt } from '../../common/task-prompts.js';
import { imagePartOf, promptOptions, samplingOptions } from '../common/request-parts.js';
import { VLM_TASK_TYPES, type VlmTaskType } from '../../common/vlm-tasks.js';
import { vlmBlock, type VlmStepInputs, type VendorRequest } from '../common/vlm-block.js';
import {
  apiKeyProperty,
  checkTaskFields,
  maxConcurrentRequestsProperty,
  modelVersionProperty,
  taskInputProperties,
  taskTypeProperty,
  temperatureProperty,
  type TaskFields,
} from '../common/vlm-manifest.js';
import { imagesProperties } from '../../common/images-property.js';
import { CLAUDE_MODELS, CLAUDE_V1_MODEL_IDS, CLAUDE_V1_MODEL_VERSIONS, claudeMaxOutputTokens, claudeModelId, claudeModelMetadata } from './catalogue.js';

export const ANTHROPIC_ENV_VARS = ['ANTHROPIC_API_KEY'] as const;

/** What one version of `roboflow_core/anthropic_claude` chooses. */
export interface ClaudeVersion {
  version: 1 | 2 | 3;
  /** v2+: the model catalogue, extended thinking, `max_tokens` defaulting to the model's ceiling, temperature in [0, 1], the v2 formatters. */
  modern: boolean;
  /** v3 defaults `api_key` to the Roboflow-managed placeholder (here: the environment's key). */
  apiKeyDefaultsToManagedKey: boolean;
}

const LONG_DESCRIPTION = `Ask Anthropic's Claude models about an image: your own prompt, or a predefined task (OCR, captions, visual question answering, classification, structured JSON answers, object detection).

Every image of a batch is one request; images larger than \`max_image_size\` on their longer side are downscaled first. Classification, structured-answering and object-detection ask for JSON that matches a schema (Claude's structured output), so the parser downstream gets valid JSON.

The key is \`api_key\`; \`rf_key:account\` uses \`ANTHROPIC_API_KEY\` from the environment (and \`ANTHROPIC_BASE_URL\`).`;

function claudeManifest(config: ClaudeVersion) {
  const tasks = VLM_TASK_TYPES as unknown as [VlmTaskType, ...VlmTaskType[]];
  const labels = (config.modern ? CLAUDE_MODELS.map((model) => model.id) : CLAUDE_V1_MODEL_VERSIONS) as unknown as [string, ...string[]];
  const modelVersion = modelVersionProperty(config.modern ? z.enum(labels).meta({ values_metadata: claudeModelMetadata() }) : z.enum(labels), 'The Claude model to ask.');
  return z
    .object({
      ...imagesProperties(),
      task_type: taskTypeProperty(tasks, config.modern ? 2 : 1),
      ...taskInputProperties('Claude'),
      api_key: apiKeyProperty('Anthropic', config.apiKeyDefaultsToManagedKey),
      model_version: modelVersion.default('claude-sonnet-4-5'),
      ...(config.modern
        ? {
            extended_thinking: z.boolean().nullable().optional().describe('Let the model think before answering, for harder questions; `temperature` cannot be set with it.'),
            thinking_budget_tokens: z
              .number()
              .int()
              .min(1024)
              .nullable()
              .optional()
              .describe("Most tokens the model may think for (at least 1024, less than `max_tokens`); unset uses half the model's output ceiling."),
            max_tokens: z.number().int().nullable().optional().describe("Most tokens the answer may have; unset uses the model's output ceiling."),
          }
        : { max_tokens: z.number().int().default(450).describe('Most tokens the answer may have.') }),
      temperature: config.modern ? temperatureProperty(1, ' Not with `extended_thinking`.') : temperatureProperty(2),
      max_image_size: literalOrSelector(z.number().int(), [integerKind], {
        description: 'Longest side, in pixels, an image is sent with; larger images are downscaled keeping their aspect ratio.',
      }).default(1024),
      max_concurrent_requests: maxConcurrentRequestsProperty('Anthropic'),
    })
    .superRefine((manifest, context) => {
      checkTaskFields(manifest as TaskFields, context);
      const thinking = manifest as { extended_thinking?: boolean | null; thinking_budget_tokens?: number | null; max_tokens?: number | null; temperature?: unknown };
      if (config.modern && thinking.extended_thinking) {
        if (thinking.temperature !== undefined && thinking.temperature !== null) {
          context.addIssue({ code: 'custom', path: ['temperature'], message: '`temperature` cannot be used when `extended_thinking` is enabled' });
          return;
        }
        const budget = thinking.thinking_budget_tokens;
        const maxTokens = thinking.max_tokens;
        if (budget && maxTokens && budget >= maxTokens) {
          context.addIssue({ code: 'custom', path: ['thinking_budget_tokens'], message: `\`thinking_budget_tokens\` (${budget}) must be less than \`max_tokens\` (${maxTokens})` });
        }
      }
    });
}

/** The id a label sends: v1 knows only its own labels, v2+ send unknown ones unchanged. */
export function claudeModelFor(config: ClaudeVersion, label: string): string {
  if (config.modern) return claudeModelId(label);
  const id = CLAUDE_V1_MODEL_IDS[label];
  if (!id) {
    throw new FlowError({
      code: 'INVALID_STEP_INPUT',
      message: `\`model_version\` "${label}" is not a Claude model anthropic_claude@v1 knows (${Object.keys(CLAUDE_V1_MODEL_IDS).join(', ')}).`,
      details: { property: 'model_version' },
    });
  }
  return id;
}

async function buildClaudeRequest(config: ClaudeVersion, inputs: VlmStepInputs, image: WorkflowImage): Promise<VendorRequest> {
  const label = inputs.model_version;
  const maxImageSize = (inputs['max_image_size'] as number | undefined) ?? 1024;
  const part = await prepareImage(imagePartOf(image), { key: `anthropic:${maxImageSize}`, maxLongEdge: maxImageSize, strict: true });
  const prompt = buildTaskPrompt({ task: inputs.task_type, prompt: inputs.prompt, classes: inputs.classes, outputStructure: inputs.output_structure, detectionFormat: 'normalized' });
  const extendedThinking = config.modern && inputs['extended_thinking'] === true;
  const maxTokens = inputs.max_tokens ?? (config.modern ? claudeMaxOutputTokens(label) : 450);
  const budget = (inputs['thinking_budget_tokens'] as number | null | undefined) ?? Math.floor(claudeMaxOutputTokens(label) / 2);
  return {
    modelId: claudeModelFor(config, label),
    options: {
      ...promptOptions(prompt, part, { imageFirst: true }),
      ...samplingOptions(maxTokens, extendedThinking ? undefined : inputs.temperature),
      ...(extendedThinking ? { providerOptions: { anthropic: { thinking: { type: 'enabled', budgetTokens: budget } } } } : {}),
    },
  };
}

/** One version of `roboflow_core/anthropic_claude`. */
export function claudeBlock(config: ClaudeVersion) {
  return vlmBlock({
    type: `roboflow_core/anthropic_claude@v${config.version}`,
    name: 'Anthropic Claude',
    shortDescription: "Ask Anthropic's Claude models about images.",
    longDescription: LONG_DESCRIPTION,
    schemaExtra: {
      search_keywords: ['LMM', 'VLM', 'Claude', 'Anthropic'],
      is_vlm_block: true,
      task_type_property: 'task_type',
      ui_manifest: { section: 'model', icon: 'far fa-a', blockPriority: 5 },
    },
    manifest: claudeManifest(config),
    provider: 'anthropic',
    vendorName: 'Anthropic',
    envVars: ANTHROPIC_ENV_VARS,
    strictAnswers: config.modern,
    buildRequest: (inputs, image) => buildClaudeRequest(config, inputs, image),
  });
}
