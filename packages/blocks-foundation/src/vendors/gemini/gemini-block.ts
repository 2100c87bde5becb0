import { literalOrSelector, type BlockContext } from '@flow/engine';
import { booleanKind, stringKind, type WorkflowImage } from '@flow/kinds';
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
import { GEMINI_MODEL_VERSIONS, geminiModelMetadata, geminiSupportsCodeExecution, geminiSupportsThinkingLevel, resolveGeminiModel } from './catalogue.js';

export const GEMINI_ENV_VARS = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] as const;

/** What one version of `roboflow_core/google_gemini` chooses. */
export interface GeminiVersion {
  version: 1 | 2 | 3 | 4;
  defaultModel: string;
  /** v2+: the catalogue, `thinking_level`, optional `max_tokens`, finish reasons checked, the v2 formatters. */
  modern: boolean;
  /** v3+: `google_code_execution`, and `api_key` defaulting to the Roboflow-managed placeholder. */
  codeExecution: boolean;
  /** v4: object-detection as Gemini's native 0-1000 `box_2d` list, with a response schema. */
  nativeBoxes: boolean;
}

const LONG_DESCRIPTION = `Ask Google's Gemini models about an image: your own prompt, or a predefined task (OCR, captions, visual question answering, classification, structured JSON answers, object detection).

Every image of a batch is one request to the \`generateContent\` API (\`/v1beta\`). Classification, structured-answering and object-detection ask for JSON that matches a schema (Gemini's response schema), so the parser downstream gets valid JSON.

The key is \`api_key\`; \`rf_key:account\` uses \`GEMINI_API_KEY\` (or \`GOOGLE_API_KEY\`) from the environment, and \`GEMINI_BASE_URL\` reaches another server.`;

const NATIVE_BOXES_METADATA = {
  'object-detection': {
    name: 'Object Detection',
    description: 'The model boxes the objects of the classes you list, answering with Gemini\'s own `box_2d` list ([y_min, x_min, y_max, x_max] in 0-1000); parse it with `roboflow_core/vlm_as_detector@v2`.',
  },
};

function geminiManifest(config: GeminiVersion) {
  const tasks = VLM_TASK_TYPES as unknown as [VlmTaskType, ...VlmTaskType[]];
  const models = GEMINI_MODEL_VERSIONS[config.version] as unknown as [string, ...string[]];
  // Retired preview names are rewritten before the check, as in the reference.
  const catalogue = config.modern ? z.enum(models).meta({ values_metadata: geminiModelMetadata(models) }) : z.enum(models);
  const modelLiteral = z.preprocess((value) => (typeof value === 'string' ? resolveGeminiModel(value) : value), catalogue);
  const modelVersion = modelVersionProperty(modelLiteral, 'The Gemini model to ask.');
  return z
    .object({
      ...imagesProperties(),
      task_type: taskTypeProperty(tasks, config.modern ? 2 : 1, config.nativeBoxes ? NATIVE_BOXES_METADATA : {}),
      ...taskInputProperties('Gemini'),
      api_key: apiKeyProperty('Google AI', config.codeExecution),
      model_version: modelVersion.default(config.defaultModel),
      ...(config.modern
        ? {
            thinking_level: literalOrSelector(z.enum(['low', 'high']), [stringKind], {
              description: "How deeply Gemini 3+ models think: `low` is faster and cheaper, `high` reasons more; unset uses Google's default. Ignored by older models.",
            })
              .nullable()
              .optional(),
            max_tokens: z.number().int().nullable().optional().describe("Most tokens the answer may have; unset uses the model's own limit."),
          }
        : { max_tokens: z.number().int().default(450).describe('Most tokens the answer may have.') }),
      temperature: temperatureProperty(2, config.modern ? ' Only models without `thinking_level` support use it.' : ''),
      ...(config.codeExecution
        ? { google_code_execution: literalOrSelector(z.boolean(), [booleanKind], { description: 'Let models that can run code (Gemini 3+) do so while answering.' }).nullable().default(false) }
        : {}),
      max_concurrent_requests: maxConcurrentRequestsProperty('Google Gemini'),
    })
    .superRefine((manifest, context) => checkTaskFields(manifest as TaskFields, context));
}

/** The user text Gemini gets for tasks whose instructions are all in the system prompt. */
const GEMINI_TEXT_WHEN_NONE: Partial<Record<VlmTaskType, string>> = {
  ocr: 'Read the text in this image.',
  caption: 'Write the caption for this image.',
  'detailed-caption': 'Write the caption for this image.',
};

function buildGeminiRequest(config: GeminiVersion, inputs: VlmStepInputs, image: WorkflowImage, context: BlockContext): VendorRequest {
  const modelId = resolveGeminiModel(inputs.model_version);
  const thinks = config.modern && geminiSupportsThinkingLevel(modelId);
  const thinkingLevel = thinks ? (inputs['thinking_level'] as string | null | undefined) : undefined;
  const codeExecution = config.codeExecution && inputs['google_code_execution'] === true && geminiSupportsCodeExecution(modelId);
  const prompt = buildTaskPrompt({
    task: inputs.task_type,
    prompt: inputs.prompt,
    classes: inputs.classes,
    outputStructure: inputs.output_structure,
    detectionFormat: config.nativeBoxes ? 'gemini-1000' : 'normalized',
  });
  if (codeExecution) {
    // @flow/providers-gemini has no `tools` option yet: say so rather than pretend the model ran code.
    context.logger.warn('google_code_execution is not supported yet; the request is sent without the code execution tool', { step: context.step.name, model: modelId });
  }
  const geminiOptions = thinkingLevel ? { thinkingLevel } : {};
  return {
    modelId,
    options: {
      ...promptOptions(prompt, imagePartOf(image), { imageFirst: true, ...(GEMINI_TEXT_WHEN_NONE[inputs.task_type] ? { textWhenNone: GEMINI_TEXT_WHEN_NONE[inputs.task_type]! } : {}) }),
      // Models that take a thinking level ignore the temperature (the reference does not send it to them).
      ...samplingOptions(inputs.max_tokens, thinks ? undefined : inputs.temperature),
      ...(Object.keys(geminiOptions).length > 0 ? { providerOptions: { gemini: geminiOptions } } : {}),
    },
  };
}

/** One version of `roboflow_core/google_gemini`. */
export function geminiBlock(config: GeminiVersion) {
  return vlmBlock({
    type: `roboflow_core/google_gemini@v${config.version}`,
    name: 'Google Gemini',
    shortDescription: "Ask Google's Gemini models about images.",
    longDescription: LONG_DESCRIPTION,
    schemaExtra: {
      search_keywords: ['LMM', 'VLM', 'Gemini', 'Google'],
      ...(config.codeExecution ? {} : { beta: true }),
      is_vlm_block: true,
      task_type_property: 'task_type',
      ui_manifest: { section: 'model', icon: 'fa-brands fa-google', blockPriority: 5, popular: true },
    },
    manifest: geminiManifest(config),
    provider: 'gemini',
    vendorName: 'Google Gemini',
    envVars: GEMINI_ENV_VARS,
    strictAnswers: config.modern,
    buildRequest: (inputs, image, context) => buildGeminiRequest(config, inputs, image, context),
  });
}
