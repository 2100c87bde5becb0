import type { GenerateOptions, GenerateResult, LanguageModel, LanguageModelSettings, ProviderRegistry } from '@flow/providers-core';

export interface RecordedCall {
  provider: string;
  modelId: string;
  settings: LanguageModelSettings | undefined;
  options: GenerateOptions;
}

/**
 * A provider registry whose models record every `generate` call and answer with what `answer` returns:
 * for unit tests of request building. Golden tests use the real providers against the fakes instead.
 */
export function recordingRegistry(answer: (call: RecordedCall) => Partial<GenerateResult> | Promise<Partial<GenerateResult>> = () => ({ text: 'ok' })) {
  const calls: RecordedCall[] = [];
  const registry: ProviderRegistry = {
    providerIds: ['openai', 'anthropic', 'gemini'],
    languageModel(provider, modelId, settings): LanguageModel {
      return {
        specificationVersion: 'flow-v1',
        provider,
        modelId,
        async generate(options) {
          const call = { provider, modelId, settings, options };
          calls.push(call);
          const result = await answer(call);
          return { text: '', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, model: modelId, ...result };
        },
      };
    },
  };
  return { registry, calls };
}
