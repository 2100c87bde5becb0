import type { GenerateOptions, GenerateResult, LanguageModel } from '../model/language-model.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

/**
 * Wraps `model` so each `generate` runs through `middleware`, the first one outermost: `wrapLanguageModel(m, a, b)`
 * runs a, then b, then the model. The result keeps the model's provider, model id and specification version.
 */
export function wrapLanguageModel(model: LanguageModel, ...middleware: readonly LanguageModelMiddleware[]): LanguageModel {
  const chain = middleware.reduceRight<(options: GenerateOptions) => Promise<GenerateResult>>(
    (next, layer) => (options) => layer.wrapGenerate({ model, options, generate: next }),
    (options) => model.generate(options),
  );
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    generate: (options) => chain(options),
  };
}
