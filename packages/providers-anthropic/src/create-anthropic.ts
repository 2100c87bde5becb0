import Anthropic from '@anthropic-ai/sdk';
import {
  LANGUAGE_MODEL_SPECIFICATION_VERSION,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type LanguageModelSettings,
  type Provider,
} from '@flow/providers-core';
import { readAnthropicOptions } from './anthropic-options.js';
import { toProviderApiError } from './errors/to-provider-api-error.js';
import { buildMessagesRequest } from './messages-request.js';
import { messagesResult } from './messages-result.js';
import { loadSetting, requireApiKey, SdkClientCache, sdkTransportOptions } from '@flow/providers-core';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

/**
 * Above this `max_tokens` the request is streamed. The SDK refuses non-streamed requests it expects to take over
 * 10 minutes (about 21,333 tokens at its estimate, and 8,192 for some Opus 4 ids); streaming also keeps long
 * generations from being cut by idle-connection timeouts on the way.
 */
export const STREAMING_MAX_TOKENS = 8192;

export interface AnthropicProviderSettings {
  /** Default `ANTHROPIC_API_KEY`, read when a model is first called. */
  apiKey?: string;
  /** Default `ANTHROPIC_BASE_URL`, else `https://api.anthropic.com`. */
  baseURL?: string;
  fetch?: typeof globalThis.fetch;
  /** The SDK's own retries; default 0 (the registry's middleware owns the one retry policy). */
  maxRetries?: number;
  /** Per-request timeout in ms (default: the SDK's 10 minutes). */
  timeoutMs?: number;
  /** Headers with every request (`anthropic-beta`, a proxy's auth ...). */
  headers?: Record<string, string>;
}

export interface AnthropicProvider extends Provider {
  readonly id: 'anthropic';
}

/** The Anthropic provider: `createAnthropic().languageModel('claude-sonnet-4-5')`. */
export function createAnthropic(settings: AnthropicProviderSettings = {}): AnthropicProvider {
  // One SDK client per (base URL, key), shared by every model of this provider: the registry may ask for a model per call.
  const clients = new SdkClientCache<Anthropic>();
  return {
    id: 'anthropic',
    languageModel: (modelId, modelSettings = {}) => new AnthropicLanguageModel(modelId, settings, modelSettings, clients),
  };
}

class AnthropicLanguageModel implements LanguageModel {
  readonly specificationVersion = LANGUAGE_MODEL_SPECIFICATION_VERSION;
  readonly provider = 'anthropic';
  readonly modelId: string;
  readonly #settings: AnthropicProviderSettings;
  readonly #modelSettings: LanguageModelSettings;
  readonly #clients: SdkClientCache<Anthropic>;

  constructor(modelId: string, settings: AnthropicProviderSettings, modelSettings: LanguageModelSettings, clients: SdkClientCache<Anthropic>) {
    this.#clients = clients;
    this.modelId = modelId;
    this.#settings = settings;
    this.#modelSettings = modelSettings;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    const vendor = readAnthropicOptions(options.providerOptions?.['anthropic']);
    const key = requireApiKey(this.#modelSettings.apiKey ?? this.#settings.apiKey, 'ANTHROPIC_API_KEY', 'anthropic', 'createAnthropic');
    const client = this.#sdk(key);
    const { body, structured } = await buildMessagesRequest(this.modelId, options, vendor);
    const requestOptions = { signal: options.signal, ...(options.headers ? { headers: options.headers } : {}) };
    const stream = vendor.stream ?? body.max_tokens > STREAMING_MAX_TOKENS;
    try {
      if (stream) {
        const messageStream = client.messages.stream(body, requestOptions);
        const message = await messageStream.finalMessage();
        return messagesResult(message, structured, { modelId: this.modelId, requestId: messageStream.request_id ?? undefined });
      }
      const message = await client.messages.create({ ...body, stream: false }, requestOptions);
      return messagesResult(message, structured, { modelId: this.modelId, requestId: (message as { _request_id?: string | null })._request_id ?? undefined });
    } catch (error) {
      throw toProviderApiError(error, [key], options.signal);
    }
  }

  #sdk(key: string): Anthropic {
    const baseURL = loadSetting(this.#modelSettings.baseURL ?? this.#settings.baseURL, 'ANTHROPIC_BASE_URL') ?? ANTHROPIC_DEFAULT_BASE_URL;
    return this.#clients.get(baseURL, key, () => new Anthropic({ apiKey: key, baseURL, ...sdkTransportOptions(this.#settings) }));
  }
}
