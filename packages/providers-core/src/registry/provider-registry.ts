import type { LanguageModel } from '../model/language-model.js';

/** Per-model settings a caller (a block) may override; unset ones fall back to the provider's defaults and env. */
export interface LanguageModelSettings {
  apiKey?: string;
  baseURL?: string;
}

/** What a vendor package exports (`createOpenAI(...)` returns one). */
export interface Provider {
  /** Provider id, e.g. `openai`. */
  readonly id: string;
  languageModel(modelId: string, settings?: LanguageModelSettings): LanguageModel;
}

/** The object hosts build once and hand to blocks through `context.services.providers`. */
export interface ProviderRegistry {
  /**
   * A model of an installed provider, wrapped in the registry's middleware (retries, limits, cache, usage).
   * Throws a `ProviderNotInstalledError` naming the package to install when `providerId` is not wired.
   */
  languageModel(providerId: string, modelId: string, settings?: LanguageModelSettings): LanguageModel;
  /** Provider ids this registry can serve. */
  readonly providerIds: readonly string[];
}
