import {
  LANGUAGE_MODEL_SPECIFICATION_VERSION,
  ProviderApiError,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type LanguageModelSettings,
  type Provider,
} from '@flow/providers-core';
import { fetchError, httpError } from './gemini-errors.js';
import { readGeminiOptions } from './gemini-options.js';
import { buildGeminiRequest } from './gemini-request.js';
import { geminiResult } from './gemini-response.js';
import { loadSetting } from '@flow/providers-core';

export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';

export interface GeminiProviderSettings {
  /** Default `GEMINI_API_KEY`, then `GOOGLE_API_KEY`, read when a model is first called. */
  apiKey?: string;
  /** Default `GEMINI_BASE_URL`, else `https://generativelanguage.googleapis.com` (the `/v1beta/...` path is added). */
  baseURL?: string;
  fetch?: typeof globalThis.fetch;
  /** Retries of retryable failures inside this package; default 0 (the registry's middleware owns retries). */
  maxRetries?: number;
  /** Per-attempt timeout in ms; default none (the registry sets one). */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export interface GeminiProvider extends Provider {
  readonly id: 'gemini';
}

/** The Gemini provider: `createGemini().languageModel('gemini-2.5-flash')`, on plain `fetch`. */
export function createGemini(settings: GeminiProviderSettings = {}): GeminiProvider {
  const { maxRetries, timeoutMs } = settings;
  if (maxRetries !== undefined && (!Number.isInteger(maxRetries) || maxRetries < 0)) throw new TypeError(`createGemini: maxRetries must be a non-negative integer, got ${String(maxRetries)}`);
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1)) throw new TypeError(`createGemini: timeoutMs must be a positive integer, got ${String(timeoutMs)}`);
  return {
    id: 'gemini',
    languageModel: (modelId, modelSettings = {}) => new GeminiLanguageModel(modelId, settings, modelSettings),
  };
}

class GeminiLanguageModel implements LanguageModel {
  readonly specificationVersion = LANGUAGE_MODEL_SPECIFICATION_VERSION;
  readonly provider = 'gemini';
  readonly modelId: string;
  readonly #settings: GeminiProviderSettings;
  readonly #modelSettings: LanguageModelSettings;

  constructor(modelId: string, settings: GeminiProviderSettings, modelSettings: LanguageModelSettings) {
    // `models/gemini-2.5-flash` (as the API lists them) and `gemini-2.5-flash` name the same model.
    this.modelId = modelId.replace(/^models\//, '');
    this.#settings = settings;
    this.#modelSettings = modelSettings;
  }

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    const vendor = readGeminiOptions(options.providerOptions?.['gemini']);
    const key = geminiApiKey(this.#modelSettings.apiKey ?? this.#settings.apiKey);
    const base = (loadSetting(this.#modelSettings.baseURL ?? this.#settings.baseURL, 'GEMINI_BASE_URL') ?? GEMINI_DEFAULT_BASE_URL).replace(/\/+$/, '');
    const url = `${base}/v1beta/models/${encodeURIComponent(this.modelId)}:generateContent`;
    const { body } = await buildGeminiRequest(options, vendor);
    const payload = JSON.stringify(body);
    const maxRetries = this.#settings.maxRetries ?? 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.#attempt(url, payload, key, options);
      } catch (error) {
        const failure = error as ProviderApiError;
        if (!failure.isRetryable || attempt >= maxRetries || options.signal?.aborted) {
          failure.attempts = attempt + 1;
          throw failure;
        }
        await sleep(Math.min(failure.retryAfterMs ?? 500 * 2 ** attempt, 30_000), options.signal);
      }
    }
  }

  async #attempt(url: string, payload: string, key: string, options: GenerateOptions): Promise<GenerateResult> {
    const timeout = this.#settings.timeoutMs === undefined ? undefined : AbortSignal.timeout(this.#settings.timeoutMs);
    const signals = [options.signal, timeout].filter((signal): signal is AbortSignal => signal !== undefined);
    const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
    const fetchImpl = this.#settings.fetch ?? globalThis.fetch;
    let json: unknown;
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { ...this.#settings.headers, ...options.headers, 'content-type': 'application/json', 'x-goog-api-key': key },
        body: payload,
        ...(signal ? { signal } : {}),
      });
      const text = await response.text();
      if (!response.ok) throw httpError(response.status, response.headers, text, [key]);
      json = JSON.parse(text);
    } catch (error) {
      throw fetchError(error, [key], { caller: options.signal, timeout });
    }
    return geminiResult(json, this.modelId);
  }
}

/** The explicit key, else `GEMINI_API_KEY`, else `GOOGLE_API_KEY` (what Google's own SDKs read). */
function geminiApiKey(explicit: string | undefined): string {
  const key = loadSetting(explicit, 'GEMINI_API_KEY') ?? loadSetting(undefined, 'GOOGLE_API_KEY');
  if (key === undefined) {
    throw new ProviderApiError({
      provider: 'gemini',
      message: 'gemini: no API key. Set GEMINI_API_KEY (or GOOGLE_API_KEY), or pass apiKey to createGemini() or to the model settings.',
      status: null,
      isRetryable: false,
    });
  }
  return key;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
