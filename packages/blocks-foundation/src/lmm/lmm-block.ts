import { defineBlock, literalOrSelector, type BlockOutputs } from '@flow/engine';
import { dictionaryKind, imageMetadataKind, parentIdKind, stringKind, wildcardKind, type WorkflowImage } from '@flow/kinds';
import { z } from 'zod';
import { askPerImage } from '../common/ask-per-image.js';
import { gptStepProperties, type LmmConfig } from '../common/gpt-config.js';
import { gptModelFor } from '../common/gpt-model.js';
import { imagePartOf } from '../common/image-part.js';
import { IMAGE_BATCH_PARAMETERS, IMAGE_PROPERTY_ALIASES, imagesOf, imagesProperties, requireImages } from '../common/images-property.js';
import { defaultMaxConcurrentRequests } from '../common/per-image.js';
import { envOf } from '../common/services.js';
import { structuredLmmOutput } from './structured-output.js';

const manifest = z
  .object({
    ...imagesProperties('The images to ask about; one request per image.'),
    prompt: literalOrSelector(z.string(), [stringKind], { description: 'What to ask the model about each image.' }),
    ...gptStepProperties(),
    json_output: z
      .record(z.string(), z.string())
      .nullable()
      .optional()
      .describe('Fields the answer must hold, name to description; each name becomes an output of the step.'),
  })
  .superRefine(requireImages);

export interface LmmInputs {
  images?: WorkflowImage[];
  prompt: string;
  lmm_type: string;
  lmm_config: LmmConfig;
  remote_api_key?: string | null;
  json_output?: Record<string, string> | null;
}

/** Names the block always outputs; `json_output` keys may not reuse them. */
const FIXED_OUTPUTS = ['parent_id', 'root_parent_id', 'image', 'structured_output', 'raw_output'];

/**
 * The prompt with the answer format appended when fields are asked for: the parser reads a JSON object (or
 * one ```json fenced block), so the model is told exactly that and given the keys with their meaning.
 */
export function lmmPrompt(prompt: string, jsonOutput: Record<string, string> | null | undefined): string {
  if (!jsonOutput || Object.keys(jsonOutput).length === 0) return prompt;
  return `${prompt}\n\nAnswer with one JSON object and nothing else. It must have exactly these keys; each value describes what the key must hold:\n${JSON.stringify(jsonOutput, null, 4)}`;
}

/** `roboflow_core/lmm@v1`: asks GPT about each image; with `json_output`, reads named fields from the answer. */
export const lmmV1 = defineBlock<LmmInputs, typeof manifest>({
  type: 'roboflow_core/lmm@v1',
  aliases: ['LMM'],
  name: 'LMM',
  blockType: 'model',
  shortDescription: 'Ask a large multimodal model (GPT) about an image; optionally read named fields from its JSON answer.',
  longDescription:
    'Sends the prompt and each image to OpenAI (`lmm_type: gpt_4v`, model from `lmm_config.gpt_model_version`). With `json_output`, the model is asked for a JSON object with those keys, and each key becomes an output: its value from the answer, or `not_detected` when the answer has no such key or is not JSON.',
  license: 'Apache-2.0',
  deprecated: true,
  executionEngineCompatibility: '>=1.4.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'model', icon: 'fal fa-atom', blockPriority: 5 } },
  manifest,
  outputs: (values): BlockOutputs => {
    const outputs: BlockOutputs = {
      parent_id: [parentIdKind],
      root_parent_id: [parentIdKind],
      image: [imageMetadataKind],
      structured_output: [dictionaryKind],
      raw_output: [stringKind],
    };
    // Without a manifest (describe), the extra outputs are announced as a wildcard, as the reference does.
    if (!('prompt' in values)) return { ...outputs, '*': [wildcardKind] };
    for (const key of Object.keys(values.json_output ?? {})) {
      if (FIXED_OUTPUTS.includes(key)) throw new Error(`\`json_output\` key "${key}" clashes with the output of the same name`);
      outputs[key] = [wildcardKind];
    }
    return outputs;
  },
  propertyAliases: IMAGE_PROPERTY_ALIASES,
    batchParameters: IMAGE_BATCH_PARAMETERS,
  async run(inputs, context) {
    const images = imagesOf(inputs);
    const model = gptModelFor(context, { lmm_type: inputs.lmm_type, remote_api_key: inputs.remote_api_key, modelId: inputs.lmm_config.gpt_model_version });
    const prompt = lmmPrompt(inputs.prompt, inputs.json_output);
    const keys = Object.keys(inputs.json_output ?? {});
    const answers = await askPerImage(model, images, defaultMaxConcurrentRequests(envOf(context)), context, async (image) => ({
      content: [{ type: 'text', text: prompt }, imagePartOf(image, inputs.lmm_config.gpt_image_detail)],
      maxTokens: inputs.lmm_config.max_tokens,
      ...(keys.length > 0 ? { responseFormat: { type: 'json' as const } } : {}),
    }));
    return answers.map((answer, index) => {
      const image = images[index]!;
      const structured = inputs.json_output ? structuredLmmOutput(answer.text, keys) : {};
      return {
        raw_output: answer.text,
        image: { width: image.width, height: image.height },
        structured_output: structured,
        ...structured,
        parent_id: image.parentId,
        root_parent_id: image.rootParentId,
      };
    });
  },
});
