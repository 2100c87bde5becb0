import { createProviderRegistry, type ProviderRegistry, type ProviderRegistryOptions } from '@flow/providers-core';
import { createAnthropic } from '@flow/providers-anthropic';
import { createGemini } from '@flow/providers-gemini';
import { createOpenAI } from '@flow/providers-openai';
import { createOpenRouter } from '@flow/providers-openrouter';

/** What the apps hand to blocks as `context.services`: the four vendors behind one registry. */
export interface ModelServices {
  providers: ProviderRegistry;
  /** Where model blocks read step keys and defaults (`OPENAI_API_KEY`, `VLLM_BASE_URL` ...). */
  env: Record<string, string | undefined>;
}

/**
 * The provider registry `flow run`, `flow serve` and the server use: OpenAI, OpenRouter, Anthropic and
 * Gemini, with keys and base URLs from `env` (`OPENAI_API_KEY` / `OPENAI_BASE_URL`, ...) so every model
 * block can be pointed at a local fake or a compatible gateway. The registry's middleware (retries,
 * limits, `FLOW_CACHE_DIR` disk cache, usage) reads its `FLOW_*` settings from the same `env`.
 */
export function createModelServices(env: Record<string, string | undefined> = process.env, options: Omit<ProviderRegistryOptions, 'env'> = {}): ModelServices {
  const vendor = (prefix: string) => {
    const apiKey = env[`${prefix}_API_KEY`]?.trim();
    const baseURL = env[`${prefix}_BASE_URL`]?.trim();
    return { ...(apiKey ? { apiKey } : {}), ...(baseURL ? { baseURL } : {}) };
  };
  const providers = createProviderRegistry(
    {
      openai: createOpenAI(vendor('OPENAI')),
      openrouter: createOpenRouter(vendor('OPENROUTER')),
      anthropic: createAnthropic(vendor('ANTHROPIC')),
      gemini: createGemini(vendor('GEMINI')),
    },
    { ...options, env },
  );
  return { providers, env };
}
