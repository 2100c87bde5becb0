import type { BlockContext } from '@flow/engine';
import { FlowError } from '@flow/kinds';
import type { LanguageModel } from '@flow/providers-core';
import { resolveApiKey } from './api-key.js';
import { GPT_LMM_TYPE, OPENAI_KEY_ENV, UNSUPPORTED_LMM_TYPE_MESSAGE } from './gpt-config.js';
import { envOf, providersOf } from './services.js';

/**
 * The OpenAI model an LMM step asks, after the checks the reference makes before any request: the type
 * (a selector may deliver another one) and the key (field, else OPENAI_API_KEY).
 */
export function gptModelFor(context: BlockContext, inputs: { lmm_type: unknown; remote_api_key?: unknown; modelId: string }): LanguageModel {
  if (inputs.lmm_type !== GPT_LMM_TYPE) {
    throw new FlowError({ code: 'UNSUPPORTED_LMM_TYPE', message: `Step \`${context.step.name}\`: ${UNSUPPORTED_LMM_TYPE_MESSAGE} Use \`lmm_type: "${GPT_LMM_TYPE}"\`.`, details: { step: context.step.name, property: 'lmm_type' } });
  }
  const apiKey = resolveApiKey({ value: inputs.remote_api_key, step: context.step.name, field: 'remote_api_key', envVars: OPENAI_KEY_ENV, env: envOf(context) });
  return providersOf(context).languageModel('openai', inputs.modelId, { apiKey });
}
