import { defineBlock, literalOrSelector } from '@flow/engine';
import { dictionaryKind, imageMetadataKind, parentIdKind, secretKind, stringKind, wildcardKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { resolveApiKey } from '../../common/api-key.js';
import { IMAGE_BATCH_PARAMETERS, IMAGE_PROPERTY_ALIASES, imagesOf, imagesProperties, requireImages } from '../../common/images-property.js';
import { defaultMaxConcurrentRequests, mapPerImage } from '../../common/per-image.js';
import { envOf, providersOf } from '../../common/services.js';
import { readAnswer } from '../common/read-answer.js';
import { imagePartOf, promptOptions } from '../common/request-parts.js';
import { describeFailure } from '../common/vlm-block.js';
import { modelVersionProperty } from '../common/vlm-manifest.js';
import { OPENAI_MODEL_VERSIONS } from './catalogue.js';
import { OPENAI_ENV_VARS } from './openai-block.js';
import { structuredOutputOf } from './structured-output.js';

const manifest = z
  .object({
    ...imagesProperties(),
    prompt: literalOrSelector(z.string(), [stringKind], { description: 'What to ask the model about each image.' }),
    openai_api_key: literalOrSelector(z.string(), [stringKind, secretKind], {
      description: 'Your OpenAI API key; unset or `rf_key:account` uses OPENAI_API_KEY from the environment.',
    })
      .nullable()
      .optional()
      .meta({ private: true }),
    openai_model: modelVersionProperty(z.enum(OPENAI_MODEL_VERSIONS[1] as unknown as [string, ...string[]]), 'The OpenAI model to ask.').default('gpt-4o'),
    json_output_format: z
      .record(z.string(), z.string())
      .nullable()
      .optional()
      .describe('Fields to read from a JSON answer, each mapped to its description; each becomes an output of the step.'),
    image_detail: literalOrSelector(z.enum(['auto', 'high', 'low']), [stringKind], { description: 'How closely the model looks at the image.' }).default('auto'),
    max_tokens: z.number().int().default(450).describe('Most tokens the answer may have.'),
  })
  .superRefine(requireImages);

type Manifest = z.output<typeof manifest>;

interface OpenAIV1Inputs {
  images?: (WorkflowImage | undefined)[];
  prompt: string;
  openai_api_key?: string | null;
  openai_model: string;
  json_output_format?: Record<string, string> | null;
  image_detail: 'auto' | 'high' | 'low';
  max_tokens: number;
}

/** Our words for "answer as JSON with these fields", appended to the user's prompt when a format is given. */
export function promptWithFormat(prompt: string, format: Record<string, string> | null | undefined): string {
  if (!format) return prompt;
  return `${prompt}\n\nAnswer with a JSON object holding these fields (each key mapped to what it must contain):\n${JSON.stringify(format, null, 4)}`;
}

const fixedOutputs = {
  parent_id: [parentIdKind],
  root_parent_id: [parentIdKind],
  image: [imageMetadataKind],
  structured_output: [dictionaryKind],
  raw_output: [stringKind],
};

/**
 * `roboflow_core/open_ai@v1` (alias `OpenAI`): the first OpenAI block, shaped like `lmm@v1`. One prompt for
 * every image; `json_output_format` keys become outputs read from the answer's JSON.
 */
export const openAIV1 = defineBlock<OpenAIV1Inputs, typeof manifest>({
  type: 'roboflow_core/open_ai@v1',
  aliases: ['OpenAI'],
  name: 'OpenAI',
  blockType: 'model',
  shortDescription: "Ask OpenAI's GPT models about images (the first version; newer ones add task types).",
  longDescription: `Sends each image with your prompt to an OpenAI model and returns the raw answer. With \`json_output_format\`, the model is asked for a JSON object with those fields, and each field becomes an output of the step (\`not_detected\` when the answer lacks it).

The key is \`openai_api_key\`; unset or \`rf_key:account\` uses \`OPENAI_API_KEY\` from the environment.`,
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { search_keywords: ['LMM', 'ChatGPT'], ui_manifest: { section: 'model', icon: 'fal fa-atom', blockPriority: 5, popular: true } },
  manifest,
  outputs: (value: Manifest) => ({
    ...fixedOutputs,
    ...Object.fromEntries(Object.keys(value.json_output_format ?? {}).map((key) => [key, [wildcardKind]])),
  }),
  propertyAliases: IMAGE_PROPERTY_ALIASES,
  batchParameters: IMAGE_BATCH_PARAMETERS,
  async run(inputs, context) {
    const images = imagesOf(inputs);
    const env = envOf(context);
    const apiKey = resolveApiKey({ value: inputs.openai_api_key, step: context.step.name, field: 'openai_api_key', envVars: OPENAI_ENV_VARS, env });
    const registry = providersOf(context);
    const text = promptWithFormat(inputs.prompt, inputs.json_output_format);
    const answers = await mapPerImage(
      images,
      defaultMaxConcurrentRequests(env),
      context.signal,
      async (image) => {
        const model = registry.languageModel('openai', inputs.openai_model, { apiKey });
        const result = await model.generate({
          ...promptOptions({ text }, imagePartOf(image, inputs.image_detail), { imageFirst: false }),
          maxTokens: inputs.max_tokens,
          providerOptions: { openai: { api: 'chat' } },
          signal: context.signal,
          usage: context.usage,
        });
        return readAnswer(result, 'OpenAI', false);
      },
      describeFailure('OpenAI'),
    );
    return answers.map((raw, index) => {
      const image = images[index]!;
      const structured = structuredOutputOf(raw, inputs.json_output_format);
      return {
        ...structured,
        raw_output: raw,
        image: { width: image.width, height: image.height },
        structured_output: structured,
        parent_id: image.parentId,
        root_parent_id: image.rootParentId,
      };
    });
  },
});
