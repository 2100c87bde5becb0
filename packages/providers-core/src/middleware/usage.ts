import type { LanguageModelMiddleware } from './language-model-middleware.js';

export interface UsageOptions {
  /** Reported provider id; defaults to the model's. The registry passes the id it was asked for. */
  provider?: string;
}

/**
 * Reports every answered call to `options.usage` (a block's `context.usage`) as
 * `{ provider, model, inputTokens, outputTokens, calls: 1, cached }`. A cache hit bills nothing, so it reports
 * zero tokens with `cached: 1` (the result itself still carries the stored token counts). A call that fails
 * reports nothing: no answer arrived, and vendors do not bill refused requests.
 */
export function usageMiddleware(options: UsageOptions = {}): LanguageModelMiddleware {
  return {
    name: 'usage',
    async wrapGenerate({ model, options: call, generate }) {
      const result = await generate(call);
      const cached = result.cached === true;
      call.usage?.record({
        provider: options.provider ?? model.provider,
        model: model.modelId,
        inputTokens: cached ? 0 : result.usage.inputTokens,
        outputTokens: cached ? 0 : result.usage.outputTokens,
        calls: 1,
        cached: cached ? 1 : 0,
      });
      return result;
    },
  };
}
