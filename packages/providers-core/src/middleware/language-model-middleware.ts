import type { GenerateOptions, GenerateResult, LanguageModel } from '../model/language-model.js';

/** One call as a middleware sees it: the model being wrapped, the options, and the rest of the chain. */
export interface GenerateCall {
  /** The innermost (vendor) model: its `provider` and `modelId`. */
  model: LanguageModel;
  options: GenerateOptions;
  /** Calls the next middleware, or the vendor model after the last one. May be called more than once (retries). */
  generate(options: GenerateOptions): Promise<GenerateResult>;
}

/** Behaviour shared by every vendor (retries, limits, cache, usage), added around a model's `generate`. */
export interface LanguageModelMiddleware {
  /** For debugging and error messages: `retries`, `limits`, ... */
  readonly name: string;
  wrapGenerate(call: GenerateCall): Promise<GenerateResult>;
}
