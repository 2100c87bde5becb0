import { defineBlock, literalOrSelector, selector } from '@flow/engine';
import { classificationPredictionKind, FlowError, imageKind, listOfValuesKind, secretKind, stringKind, type WorkflowImage } from '@flow/kinds';
import { createPoolingClient, imageClassifyRequest, type ClassificationData, type ClassifyResponse, type PoolingClient } from '@flow/pooling-client';
import { z } from 'zod';
import { describeModelFailure } from '../common/model-failure.js';
import { defaultMaxConcurrentRequests, mapPerImage } from '../common/per-image.js';
import { envOf } from '../common/services.js';
import { multiLabelPrediction, singleLabelPrediction, type PredictionOrigin } from './classification-shape.js';

const manifest = z
  .object({
    images: selector([imageKind], { description: 'Images to classify; one chat-style /classify request per image.' }).optional(),
    prompt: literalOrSelector(z.string(), [stringKind], {
      description: 'Without images: the text to classify (a batch input classifies each of its texts). With images: the instruction sent with each image.',
    }).optional(),
    model: z.string().min(1).optional().describe("The served model name; default: the server's first model."),
    base_url: literalOrSelector(z.string().min(1), [stringKind], { description: 'The vLLM server, e.g. http://localhost:8000. Default: VLLM_BASE_URL.' }).optional(),
    api_key: literalOrSelector(z.string(), [stringKind, secretKind], { description: 'Bearer token for the server. Default: VLLM_API_KEY.' }).optional().meta({ private: true }),
    classes: literalOrSelector(z.array(z.string()), [listOfValuesKind], { description: "Class names in the model's label order (default: vLLM's label for the top class, class_<i> for others)." }).optional(),
    multi_label: z.boolean().default(false).describe('Each class is scored on its own; those at or above `confidence_threshold` are predicted.'),
    confidence_threshold: z.number().min(0).max(1).default(0.5).describe('Multi-label only: the lowest confidence a predicted class has.'),
    max_concurrent_requests: z.int().gt(0).nullable().optional().describe('Image requests in flight at once (default FLOW_MAX_CONCURRENT_REQUESTS, 8).'),
  })
  .superRefine((values, context) => {
    if (values.images === undefined && values.prompt === undefined) {
      context.addIssue({ code: 'custom', message: '`images` or `prompt` (or both) must be set: there is nothing to classify' });
    }
  });

export interface VllmClassifierInputs {
  images?: WorkflowImage[];
  prompt?: Array<string | undefined>;
  model?: string;
  base_url?: string;
  api_key?: string;
  classes?: string[];
  multi_label: boolean;
  confidence_threshold: number;
  max_concurrent_requests?: number | null;
}

/** A text has no image: zero size and no lineage. */
const TEXT_ORIGIN: PredictionOrigin = { image: { width: 0, height: 0 }, parentId: null, rootParentId: null };

/** `flow/vllm_classifier@v1`: images, texts or both, classified by a model vLLM serves on `/classify`. */
export const vllmClassifierV1 = defineBlock<VllmClassifierInputs, typeof manifest>({
  type: 'flow/vllm_classifier@v1',
  name: 'vLLM Classifier',
  blockType: 'model',
  shortDescription: 'Classify images or texts with a sequence-classification model served by vLLM.',
  longDescription:
    "Sends each image (with the prompt as its instruction) to vLLM's `/classify` in chat style, or all texts of a batch in one completion-style request, and outputs a classification prediction in the reference shape, so every block that reads classifier output can follow it.",
  license: 'Apache-2.0',
  executionEngineCompatibility: '>=1.3.0,<2.0.0',
  schemaExtra: { ui_manifest: { section: 'model', icon: 'fal fa-tags', blockPriority: 5 } },
  manifest,
  outputs: { predictions: [classificationPredictionKind] },
  batchParameters: ['images', 'prompt'],
  async run(inputs, context) {
    const step = context.step.name;
    const env = envOf(context);
    const baseURL = inputs.base_url || env['VLLM_BASE_URL'];
    if (!baseURL) {
      throw new FlowError({ code: 'MISSING_BASE_URL', message: `Step \`${step}\`: \`base_url\` is not set and VLLM_BASE_URL is not set. Set VLLM_BASE_URL or give the step its server.`, details: { step, property: 'base_url', env: 'VLLM_BASE_URL' } });
    }
    const limit = inputs.max_concurrent_requests ?? defaultMaxConcurrentRequests(env);
    const client = createPoolingClient({ baseURL, apiKey: inputs.api_key || env['VLLM_API_KEY'] || undefined, maxConcurrency: limit });
    const toPrediction = (result: ClassificationData, origin: PredictionOrigin) => ({
      predictions: inputs.multi_label
        ? multiLabelPrediction(result, origin, { classes: inputs.classes }, inputs.confidence_threshold)
        : singleLabelPrediction(result, origin, { classes: inputs.classes }),
    });
    const recordUsage = (response: ClassifyResponse) =>
      context.usage.record({ provider: 'vllm', model: response.model, inputTokens: response.usage.prompt_tokens, outputTokens: 0, calls: 1, cached: 0 });

    // Unbound batch parameters arrive as lists of undefined.
    if (inputs.images?.some((image) => image !== undefined)) {
      const images = inputs.images;
      const results = await mapPerImage(images, limit, context.signal, (image, index) => classifyImage(client, image, inputs.prompt?.[index], inputs.model, context.signal), describeModelFailure(step, 'vllm'));
      return results.map((response, index) => {
        recordUsage(response);
        const image = images[index]!;
        return toPrediction(firstResult(response, step, index), { image: { width: image.width, height: image.height }, parentId: image.parentId, rootParentId: image.rootParentId });
      });
    }

    const texts = (inputs.prompt ?? []).map((text) => text ?? '');
    let response: ClassifyResponse;
    try {
      response = await client.classify({ ...(inputs.model ? { model: inputs.model } : {}), input: texts }, { signal: context.signal });
    } catch (cause) {
      throw new FlowError({ code: 'MODEL_REQUEST_FAILED', message: describeModelFailure(step, 'vllm')(0, cause).replace(': image 0:', ':'), cause, details: { step } });
    }
    recordUsage(response);
    const byIndex = new Map(response.data.map((result) => [result.index, result]));
    return texts.map((_text, index) => {
      const result = byIndex.get(index);
      if (!result) throw new FlowError({ code: 'MODEL_ANSWER_INVALID', message: `Step \`${step}\`: vLLM returned no result for text ${index}.`, details: { step, batchIndex: index } });
      return toPrediction(result, TEXT_ORIGIN);
    });
  },
});

function classifyImage(client: PoolingClient, image: WorkflowImage, prompt: string | undefined, model: string | undefined, signal: AbortSignal): Promise<ClassifyResponse> {
  const request = imageClassifyRequest({ image: image.bytes, mediaType: image.mediaType, ...(prompt === undefined ? {} : { text: prompt }), ...(model ? { model } : {}) });
  return client.classify(request, { signal });
}

function firstResult(response: ClassifyResponse, step: string, index: number): ClassificationData {
  const result = response.data[0];
  if (!result) throw new FlowError({ code: 'MODEL_ANSWER_INVALID', message: `Step \`${step}\`: image ${index}: vLLM returned no classification.`, details: { step, batchIndex: index } });
  return result;
}
