import type { ProviderRegistry } from '@flow/providers-core';
import { FlowError } from '@flow/kinds';
import type { BlockContext } from '@flow/engine';

declare module '@flow/engine' {
  interface BlockServices {
    /** The host's provider registry (`createProviderRegistry` in `@flow/providers-core`). */
    providers: ProviderRegistry;
    /**
     * Where model blocks read API keys and defaults (`OPENAI_API_KEY`, `VLLM_BASE_URL`,
     * `FLOW_MAX_CONCURRENT_REQUESTS` ...): the host's environment; default `process.env`.
     */
    env: Record<string, string | undefined>;
  }
}

/** The provider registry the host handed to the run, or a clear error when it handed none. */
export function providersOf(context: BlockContext): ProviderRegistry {
  const registry = context.services.providers;
  if (!registry) {
    throw new FlowError({
      code: 'PROVIDERS_NOT_CONFIGURED',
      message: `Step \`${context.step.name}\` (${context.step.type}) needs a model provider, but this host passed no provider registry. Pass \`services: { providers: createProviderRegistry({...}) }\` to the run.`,
      details: { step: context.step.name },
    });
  }
  return registry;
}

/** The environment the host gave the run (`services.env`, as the server and tests do), else the process's. */
export function envOf(context: BlockContext): Record<string, string | undefined> {
  const env: unknown = context.services.env;
  // A host that passed something other than an object gets the process's environment rather than a crash.
  return typeof env === 'object' && env !== null ? (env as Record<string, string | undefined>) : process.env;
}
