import { FlowError } from '@flow/kinds';
import { ProviderApiError } from '@flow/providers-core';

/**
 * The message of a failed per-image request: the step, the batch index, the vendor and its status, and the
 * vendor's words (providers mask keys in them). Used as `mapPerImage`'s `describe`.
 */
export function describeModelFailure(step: string, fallbackProvider: string) {
  return (index: number, cause: unknown): string => {
    if (ProviderApiError.isInstance(cause)) {
      const status = cause.status === null ? 'no response' : `status ${cause.status}`;
      const attempts = cause.attempts > 1 ? ` after ${cause.attempts} attempts` : '';
      return `Step \`${step}\`: image ${index}: the ${vendorName(cause.provider)} request failed (${status}${attempts}): ${cause.message}`;
    }
    const message = cause instanceof Error ? cause.message : String(cause);
    if (isPoolingApiError(cause)) {
      const status = cause.status === null ? 'no response' : `status ${cause.status}`;
      return `Step \`${step}\`: image ${index}: the vLLM request failed (${status}): ${message}`;
    }
    if (isConnectionFailure(cause)) return `Step \`${step}\`: image ${index}: the ${vendorName(fallbackProvider)} request failed (no response): ${message}`;
    return `Step \`${step}\`: image ${index}: ${message}`;
  };
}

const VENDOR_NAMES: Record<string, string> = { openai: 'OpenAI', openrouter: 'OpenRouter', anthropic: 'Anthropic', gemini: 'Gemini', vllm: 'vLLM' };

/** The vendor as users know it (`OpenRouter`, not `openrouter`). */
export function vendorName(provider: string): string {
  return VENDOR_NAMES[provider] ?? provider;
}

/** `PoolingApiError` of `@flow/pooling-client`, recognised by its code (no import for one check). */
function isPoolingApiError(error: unknown): error is Error & { status: number | null } {
  return FlowError.isInstance(error) && (error as { code?: unknown }).code === 'POOLING_API_ERROR';
}

/** A fetch-level failure (refused, reset, DNS) that did not pass through a provider's error mapping. */
function isConnectionFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND/i.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`);
}
