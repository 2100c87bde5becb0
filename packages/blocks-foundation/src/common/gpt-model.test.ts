import type { BlockContext } from '@flow/engine';
import { silentLogger } from '@flow/engine';
import { describe, expect, it } from 'vitest';
import { gptModelFor } from './gpt-model.js';

const context = { signal: new AbortController().signal, logger: silentLogger, services: {}, usage: { record() {} }, step: { name: 'lmm', type: 'roboflow_core/lmm@v1' } } as BlockContext;

describe('gptModelFor', () => {
  it('refuses an lmm_type other than gpt_4v (a step output can deliver one) with the reference message', () => {
    expect(() => gptModelFor(context, { lmm_type: 'cog_vlm', remote_api_key: 'k', modelId: 'gpt-4o' })).toThrow('Step `lmm`: CogVLM has been removed from the Roboflow Core Models.');
  });

  it('needs a provider registry from the host', () => {
    expect(() => gptModelFor(context, { lmm_type: 'gpt_4v', remote_api_key: 'k', modelId: 'gpt-4o' })).toThrow(/passed no provider registry/);
  });
});
