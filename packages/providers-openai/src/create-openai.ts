import {
  LANGUAGE_MODEL_SPECIFICATION_VERSION,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type LanguageModelSettings,
  type Provider,
} from '@flow/providers-core';
import OpenAI from 'openai';
import { buildChatRequest } from './chat/chat-request.js';
import { chatResult } from './chat/chat-result.js';
import { toProviderApiError } from './errors/to-provider-api-error.js';
import { openAIImageLimits } from './image-limits.js';
import { isReasoningModel } from './model-family.js';
import { readOpenAIOptions, type OpenAIApi } from './openai-options.js';
import { loadSetting, requireApiKey, SdkClientCache, sdkTransportOptions } from '@flow/providers-core';
import { buildResponsesRequest } from './responses/responses-request.js';
import { responsesResult } from './responses/responses-result.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAIProviderSettings {
  /** Default `OPENAI_API_KEY`, read when a model is first called. */
  apiKey?: string;
  /** Default `OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  baseURL?: string;
  /** A `fetch` to use instead of the global one (proxies, tests). */
  fetch?: typeof globalThis.fetch;
  /**
   * The SDK's own retries. Default 0: the registry's middleware owns the one retry policy; set this only when
   * using a model without the registry.
   */
  maxRetries?: number;
  /** Per-request timeout in ms (the SDK's `timeout`, default 10 minutes). */
  timeoutMs?: number;
  /** Headers sent with every request (`OpenAI-Organization`, `OpenAI-Project`, a proxy's auth ...). */
  headers?: Record<string, string>;
  /** Default API for every model: `chat` (Chat Completions, default) or `responses`. */
  api?: OpenAIApi;
}

export interface OpenAIModelSettings extends LanguageModelSettings {
  /** API for this model; `providerOptions.openai.api` on a call overrides it. */
  api?: OpenAIApi;
}

export interface OpenAIProvider extends Provider {
  readonly id: 'openai';
  languageModel(modelId: string, settings?: OpenAIModelSettings): LanguageModel;
}

/** The OpenAI provider: `createOpenAI().languageModel('gpt-4o')`. Keys and base URLs are read lazily per call. */
export function createOpenAI(settings: OpenAIProviderSettings = {}): OpenAIProvider {
  // One SDK client per (base URL, key), shared by every model of this provider: the registry may ask for a model per call.
  const clients = new SdkClientCache<OpenAI>();
  return {
    id: 'openai',
    languageModel: (modelId, modelSettings = {}) => new OpenAILanguageModel(modelId, settings, modelSettings, clients),
  };
}

class OpenAILanguageModel implements LanguageModel {
  readonly specificationVersion = LANGUAGE_MODEL_SPECIFICATION_VERSION;
  readonly provider = 'openai';
  readonly modelId: string;
  readonly #settings: OpenAIProviderSettings;
  readonly #modelSettings: OpenAIModelSettings;
  readonly #clients: SdkClientCache<OpenAI>;

  constructor(modelId: string, settings: OpenAIProviderSettings, modelSettings: OpenAIModelSettings, clients: SdkClientCache<OpenAI>) {
    this.#clients = clients;
    this.modelId = modelId;
    this.#settings = settings;
    this.#modelSettings = modelSettings;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    const vendorOptions = readOpenAIOptions(options.providerOptions?.['openai']);
    const key = requireApiKey(this.#modelSettings.apiKey ?? this.#settings.apiKey, 'OPENAI_API_KEY', 'openai', 'createOpenAI');
    const client = this.#sdk(key);
    const reasoning = isReasoningModel(this.modelId);
    const api = vendorOptions.api ?? this.#modelSettings.api ?? this.#settings.api ?? 'chat';
    const imageLimits = (part: { detail?: 'low' | 'high' | 'auto' }) => openAIImageLimits(this.modelId, part.detail);
    const requestOptions = { signal: options.signal, ...(options.headers ? { headers: options.headers } : {}) };
    const errorContext = { provider: 'openai', vendor: 'OpenAI', secrets: [key], signal: options.signal, errorClasses: OpenAI };
    if (api === 'responses') {
      const body = await buildResponsesRequest(options, { modelId: this.modelId, acceptsTemperature: !reasoning, imageLimits });
      if (vendorOptions.reasoningEffort !== undefined) body.reasoning = { effort: vendorOptions.reasoningEffort as never };
      if (vendorOptions.serviceTier !== undefined) body.service_tier = vendorOptions.serviceTier as never;
      if (vendorOptions.user !== undefined) body.user = vendorOptions.user;
      if (vendorOptions.store !== undefined) body.store = vendorOptions.store;
      // The generic `post` skips the SDK's `output_text` helper, which throws a bare TypeError on an odd body.
      const response = await client.post<unknown>('/responses', { body, ...requestOptions }).catch((error: unknown) => {
        throw toProviderApiError(error, errorContext);
      });
      return responsesResult(response, { provider: 'openai', modelId: this.modelId, requestId: requestIdOf(response) });
    }
    const body = await buildChatRequest(options, {
      modelId: this.modelId,
      maxTokensParameter: reasoning ? 'max_completion_tokens' : 'max_tokens',
      acceptsTemperature: !reasoning,
      systemRole: reasoning ? 'developer' : 'system',
      imageLimits,
    });
    if (vendorOptions.reasoningEffort !== undefined) body.reasoning_effort = vendorOptions.reasoningEffort as never;
    if (vendorOptions.serviceTier !== undefined) body.service_tier = vendorOptions.serviceTier as never;
    if (vendorOptions.user !== undefined) body.user = vendorOptions.user;
    const completion = await client.chat.completions.create(body, requestOptions).catch((error: unknown) => {
      throw toProviderApiError(error, errorContext);
    });
    return chatResult(completion, { provider: 'openai', vendor: 'OpenAI', modelId: this.modelId, requestId: requestIdOf(completion) });
  }

  /** The SDK client for the current key and base URL (they may change between calls when read from the environment). */
  #sdk(key: string): OpenAI {
    const baseURL = loadSetting(this.#modelSettings.baseURL ?? this.#settings.baseURL, 'OPENAI_BASE_URL') ?? OPENAI_DEFAULT_BASE_URL;
    // Organization and project come from headers only; never pick up OPENAI_ORG_ID behind the caller's back.
    return this.#clients.get(baseURL, key, () => new OpenAI({ apiKey: key, baseURL, ...sdkTransportOptions(this.#settings), organization: null, project: null }));
  }
}

/** The SDK attaches `x-request-id` to parsed bodies as a non-enumerable `_request_id`. */
export function requestIdOf(body: unknown): string | undefined {
  const id = (body as { _request_id?: unknown } | null)?._request_id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
