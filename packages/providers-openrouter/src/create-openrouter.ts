import {
  LANGUAGE_MODEL_SPECIFICATION_VERSION,
  ProviderApiError,
  SdkClientCache,
  sdkTransportOptions,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type LanguageModelSettings,
  type Provider,
} from '@flow/providers-core';
import { buildChatRequest, chatResult, loadSetting, requestIdOf, requireApiKey, toProviderApiError } from '@flow/providers-openai';
import OpenAI from 'openai';
import { openRouterImageLimits } from './openrouter-image-limits.js';
import { openRouterReplyError } from './openrouter-reply-error.js';

export const OPENROUTER_DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';

export interface OpenRouterProviderSettings {
  /** Default `OPENROUTER_API_KEY`, read when a model is first called. */
  apiKey?: string;
  /** Default `OPENROUTER_BASE_URL`, else `https://openrouter.ai/api/v1`. */
  baseURL?: string;
  fetch?: typeof globalThis.fetch;
  /** The SDK's own retries; default 0 (the registry's middleware retries). */
  maxRetries?: number;
  /** Per-request timeout in ms (default 10 minutes). */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Your app's URL, sent as `HTTP-Referer` for OpenRouter's app attribution. */
  appUrl?: string;
  /** Your app's name, sent as `X-Title`. */
  appName?: string;
}

export interface OpenRouterProvider extends Provider {
  readonly id: 'openrouter';
}

/** Body fields Flow sets itself; `providerOptions.openrouter` may not override them. */
const reserved = new Set(['model', 'messages', 'max_tokens', 'max_completion_tokens', 'temperature', 'response_format', 'stream']);

/**
 * The OpenRouter provider: `createOpenRouter().languageModel('anthropic/claude-sonnet-4.5')`. Speaks the
 * OpenAI-compatible chat API through the `openai` SDK; `providerOptions.openrouter` is merged into the body as
 * it is (`provider: { data_collection: 'deny', zdr: true, order: [...] }`, `models`, `reasoning`, `transforms`).
 */
export function createOpenRouter(settings: OpenRouterProviderSettings = {}): OpenRouterProvider {
  // One SDK client per (base URL, key), shared by every model of this provider: the registry may ask for a model per call.
  const clients = new SdkClientCache<OpenAI>();
  return {
    id: 'openrouter',
    languageModel: (modelId, modelSettings = {}) => new OpenRouterLanguageModel(modelId, settings, modelSettings, clients),
  };
}

class OpenRouterLanguageModel implements LanguageModel {
  readonly specificationVersion = LANGUAGE_MODEL_SPECIFICATION_VERSION;
  readonly provider = 'openrouter';
  readonly modelId: string;
  readonly #settings: OpenRouterProviderSettings;
  readonly #modelSettings: LanguageModelSettings;
  readonly #clients: SdkClientCache<OpenAI>;

  constructor(modelId: string, settings: OpenRouterProviderSettings, modelSettings: LanguageModelSettings, clients: SdkClientCache<OpenAI>) {
    this.#clients = clients;
    this.modelId = modelId;
    this.#settings = settings;
    this.#modelSettings = modelSettings;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    const extra = options.providerOptions?.['openrouter'] ?? {};
    for (const name of Object.keys(extra)) {
      if (reserved.has(name)) {
        throw new ProviderApiError({ provider: 'openrouter', message: `providerOptions.openrouter.${name} is set by Flow and cannot be overridden`, status: null, isRetryable: false });
      }
    }
    const key = requireApiKey(this.#modelSettings.apiKey ?? this.#settings.apiKey, 'OPENROUTER_API_KEY', 'openrouter', 'createOpenRouter');
    const client = this.#sdk(key);
    const body = await buildChatRequest(options, {
      modelId: this.modelId,
      maxTokensParameter: 'max_tokens',
      acceptsTemperature: true,
      systemRole: 'system',
      imageLimits: (part) => openRouterImageLimits(this.modelId, part),
    });
    const request = { ...body, ...extra } as typeof body;
    const completion = await client.chat.completions
      .create(request, { signal: options.signal, ...(options.headers ? { headers: options.headers } : {}) })
      .catch((error: unknown) => {
        throw toProviderApiError(error, { provider: 'openrouter', vendor: 'OpenRouter', secrets: [key], signal: options.signal, errorClasses: OpenAI });
      });
    // OpenRouter sends no request-id header; its generation id (`gen-...`) is what its dashboard and support know.
    const id = (completion as { id?: unknown }).id;
    const requestId = requestIdOf(completion) ?? (typeof id === 'string' ? id : undefined);
    const replyError = openRouterReplyError(completion, [key], requestId);
    if (replyError) throw replyError;
    return chatResult(completion, { provider: 'openrouter', vendor: 'OpenRouter', modelId: this.modelId, requestId });
  }

  #sdk(key: string): OpenAI {
    const baseURL = loadSetting(this.#modelSettings.baseURL ?? this.#settings.baseURL, 'OPENROUTER_BASE_URL') ?? OPENROUTER_DEFAULT_BASE_URL;
    const attribution = {
      ...(this.#settings.appUrl ? { 'HTTP-Referer': this.#settings.appUrl } : {}),
      ...(this.#settings.appName ? { 'X-Title': this.#settings.appName } : {}),
    };
    return this.#clients.get(baseURL, key, () => new OpenAI({ apiKey: key, baseURL, ...sdkTransportOptions(this.#settings, attribution), organization: null, project: null }));
  }
}
