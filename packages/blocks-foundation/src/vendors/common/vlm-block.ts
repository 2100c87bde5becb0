import { defineBlock, type BlockContext } from '@flow/engine';
import { languageModelOutputKind, listOfValuesKind, stringKind, type WorkflowImage } from '@flow/kinds';
import { ProviderApiError, type GenerateOptions } from '@flow/providers-core';
import type { z } from 'zod';
import { resolveApiKey } from '../../common/api-key.js';
import { IMAGE_BATCH_PARAMETERS, IMAGE_PROPERTY_ALIASES, imagesOf } from '../../common/images-property.js';
import { defaultMaxConcurrentRequests, mapPerImage } from '../../common/per-image.js';
import { envOf, providersOf } from '../../common/services.js';
import { readAnswer } from './read-answer.js';
import type { VlmTaskType } from '../../common/vlm-tasks.js';

/** What a task-type step's `run` receives (vendor properties come on top). */
export interface VlmStepInputs {
  images?: (WorkflowImage | undefined)[];
  task_type: VlmTaskType;
  prompt?: string | null;
  output_structure?: Record<string, string> | null;
  classes?: string[] | null;
  api_key?: string;
  model_version: string;
  max_tokens?: number | null;
  temperature?: number | null;
  max_concurrent_requests?: number | null;
  [property: string]: unknown;
}

/** One request: which model to ask and what to send it (the signal and usage sink are added per call). */
export interface VendorRequest {
  modelId: string;
  options: Omit<GenerateOptions, 'signal' | 'usage'>;
}

/** What differs between vendors and versions; everything else is shared by every task-type block. */
export interface VlmBlockSpec<Manifest extends z.ZodObject> {
  type: string;
  aliases?: readonly string[];
  name: string;
  shortDescription: string;
  longDescription: string;
  schemaExtra: Record<string, unknown>;
  manifest: Manifest;
  /** Provider id in the registry (`openai`, `anthropic`, `gemini`) and the vendor's name in messages. */
  provider: string;
  vendorName: string;
  /** Where a `rf_key:` placeholder (or an empty key) finds the real key. */
  envVars: readonly string[];
  /** Whether a truncated or stopped answer fails the step (see `readAnswer`). */
  strictAnswers: boolean;
  buildRequest(inputs: VlmStepInputs, image: WorkflowImage, context: BlockContext): VendorRequest | Promise<VendorRequest>;
}

/** How a failed request reads in the step error: which image, which vendor, which status. */
export function describeFailure(vendorName: string) {
  return (index: number, cause: unknown) => {
    if (ProviderApiError.isInstance(cause)) {
      const status = cause.status === null ? 'no response' : `status ${cause.status}`;
      return `image ${index}: ${vendorName} request failed (${status}): ${cause.message}`;
    }
    return `image ${index}: ${cause instanceof Error ? cause.message : String(cause)}`;
  };
}

/**
 * A vendor VLM block: every image of the batch becomes one request (at most `max_concurrent_requests` at a
 * time), each answer is the element's `output`, and `classes` is echoed for the parser downstream.
 */
export function vlmBlock<Manifest extends z.ZodObject>(spec: VlmBlockSpec<Manifest>) {
  return defineBlock<VlmStepInputs, Manifest>({
    type: spec.type,
    ...(spec.aliases ? { aliases: spec.aliases } : {}),
    name: spec.name,
    blockType: 'model',
    shortDescription: spec.shortDescription,
    longDescription: spec.longDescription,
    license: 'Apache-2.0',
    executionEngineCompatibility: '>=1.3.0,<2.0.0',
    schemaExtra: spec.schemaExtra,
    manifest: spec.manifest,
    propertyAliases: IMAGE_PROPERTY_ALIASES,
    outputs: { output: [stringKind, languageModelOutputKind], classes: [listOfValuesKind] },
    batchParameters: IMAGE_BATCH_PARAMETERS,
    async run(inputs, context) {
      const images = imagesOf(inputs);
      const env = envOf(context);
      const apiKey = resolveApiKey({ value: inputs.api_key, step: context.step.name, field: 'api_key', envVars: spec.envVars, env });
      const registry = providersOf(context);
      const limit = inputs.max_concurrent_requests || defaultMaxConcurrentRequests(env);
      const answers = await mapPerImage(
        images,
        limit,
        context.signal,
        async (image) => {
          const request = await spec.buildRequest(inputs, image, context);
          const model = registry.languageModel(spec.provider, request.modelId, { apiKey });
          const result = await model.generate({ ...request.options, signal: context.signal, usage: context.usage });
          return readAnswer(result, spec.vendorName, spec.strictAnswers);
        },
        describeFailure(spec.vendorName),
      );
      return answers.map((output) => ({ output, classes: inputs.classes ?? null }));
    },
  });
}
