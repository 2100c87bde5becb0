import { defineBlock, literalOrSelector } from '@flow/engine';
import { imageMetadataKind, listOfValuesKind, parentIdKind, predictionTypeKind, stringKind, topClassKind, type WorkflowImage } from '@flow/kinds';
import type { ResponseFormat } from '@flow/providers-core';
import { z } from 'zod';
import { askPerImage } from '../common/ask-per-image.js';
import { gptStepProperties, type LmmConfig } from '../common/gpt-config.js';
import { gptModelFor } from '../common/gpt-model.js';
import { imagePartOf } from '../common/image-part.js';
import { IMAGE_BATCH_PARAMETERS, IMAGE_PROPERTY_ALIASES, imagesOf, imagesProperties, requireImages } from '../common/images-property.js';
import { defaultMaxConcurrentRequests } from '../common/per-image.js';
import { envOf } from '../common/services.js';
import { structuredLmmOutput } from '../lmm/structured-output.js';

const manifest = z
  .object({
    ...imagesProperties('The images to classify; one request per image.'),
    classes: literalOrSelector(z.array(z.string()), [listOfValuesKind], { description: 'The classes to choose from.' }),
    ...gptStepProperties(),
  })
  .superRefine(requireImages);

export interface LmmClassifierInputs {
  images?: WorkflowImage[];
  classes: string[];
  lmm_type: string;
  lmm_config: LmmConfig;
  remote_api_key?: string | null;
}

/** The prompt: the parser reads `top` from a JSON object, so that is the one thing the model may answer. */
export function classificationPrompt(classes: readonly string[]): string {
  return `Classify this image. Pick exactly one of these classes: ${JSON.stringify(classes)}. Answer with a JSON object and nothing else, in the form {"top": "<one of the classes>"}.`;
}

/**
 * Beyond the reference: where the vendor supports structured output, a schema whose `top` must be one of
 * `classes`, so the answer is always a valid class. An empty class list has no valid answer to constrain to.
 */
export function classificationResponseFormat(classes: readonly string[]): ResponseFormat {
  if (classes.length === 0) return { type: 'json' };
  return {
    type: 'json',
    name: 'classification',
    schema: { type: 'object', properties: { top: { type: 'string', enum: [...new Set(classes)] } }, required: ['top'], additionalProperties: false },
  };
}

/** `roboflow_core/lmm_for_classification@v1`: GPT picks one of `classes` for each image. */
export const lmmForClassificationV1 = defineBlock<LmmClassifierInputs, typeof manifest>({
  type: 'roboflow_core/lmm_for_classification@v1',
  aliases: ['LMMForClassification'],
  name: 'LMM For Classification',
  blockType: 'model',
  shortDescription: 'Classify images with a large multimodal model (GPT) into one of the given classes.',
  longDescription:
    'Asks OpenAI to pick one of `classes` for each image and outputs it as `top`. Where the model supports structured output, the answer is constrained to the listed classes. `top` is `not_detected` when the answer cannot be read.',
  license: 'Apache-2.0',
  deprecated: true,
  executionEngineCompatibility: '>=1.4.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'model', icon: 'fal fa-tags', blockPriority: 5 } },
  manifest,
  outputs: {
    raw_output: [stringKind],
    top: [topClassKind],
    parent_id: [parentIdKind],
    root_parent_id: [parentIdKind],
    image: [imageMetadataKind],
    prediction_type: [predictionTypeKind],
  },
  propertyAliases: IMAGE_PROPERTY_ALIASES,
    batchParameters: IMAGE_BATCH_PARAMETERS,
  async run(inputs, context) {
    const images = imagesOf(inputs);
    const model = gptModelFor(context, { lmm_type: inputs.lmm_type, remote_api_key: inputs.remote_api_key, modelId: inputs.lmm_config.gpt_model_version });
    const prompt = classificationPrompt(inputs.classes);
    const responseFormat = classificationResponseFormat(inputs.classes);
    const answers = await askPerImage(model, images, defaultMaxConcurrentRequests(envOf(context)), context, async (image) => ({
      content: [{ type: 'text', text: prompt }, imagePartOf(image, inputs.lmm_config.gpt_image_detail)],
      maxTokens: inputs.lmm_config.max_tokens,
      responseFormat,
    }));
    return answers.map((answer, index) => {
      const image = images[index]!;
      return {
        raw_output: answer.text,
        top: structuredLmmOutput(answer.text, ['top'])['top'],
        parent_id: image.parentId,
        root_parent_id: image.rootParentId,
        image: { width: image.width, height: image.height },
        prediction_type: 'classification',
      };
    });
  },
});
