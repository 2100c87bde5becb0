import { redactError } from '../secrets/mask-secrets.js';
import type { LanguageModelMiddleware } from './language-model-middleware.js';

/**
 * Last line of defence: masks `secrets` (the API key a block passed) in any error leaving the chain, its cause chain
 * included. Vendors mask their own keys too; this covers keys only the caller knew.
 */
export function maskSecretsMiddleware(secrets: readonly (string | undefined)[]): LanguageModelMiddleware {
  return {
    name: 'mask-secrets',
    async wrapGenerate({ options, generate }) {
      try {
        return await generate(options);
      } catch (error) {
        throw redactError(error, secrets);
      }
    },
  };
}
