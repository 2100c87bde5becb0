import { defineBlockPack } from '@flow/engine';
import { jsonParserV1 } from './json-parser/json-parser-block.js';
import { llama32VisionV1 } from './llama-vision/v1.js';
import { llamaVisionV2 } from './llama-vision/v2.js';
import { lmmForClassificationV1 } from './lmm-classifier/lmm-classifier-block.js';
import { lmmV1 } from './lmm/lmm-block.js';
import { vllmClassifierV1 } from './vllm-classifier/vllm-classifier-block.js';
import { vendorBlocks } from './vendors/index.js';

/** The seed model blocks, then the vendor VLM blocks (OpenAI v1-v5, Claude v1-v3, Gemini v1-v4). */
export const foundationBlocks = [lmmForClassificationV1, lmmV1, llama32VisionV1, llamaVisionV2, jsonParserV1, vllmClassifierV1, ...vendorBlocks];

/** Flow's model blocks, under the reference's `roboflow_core` ids plus `flow/vllm_classifier`. */
export const foundationPack = defineBlockPack({
  name: 'flow-foundation',
  apiVersion: 1,
  blocks: foundationBlocks,
});
