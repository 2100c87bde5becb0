import { ProviderConfigurationError } from '../errors/provider-configuration-error.js';

export type Environment = Record<string, string | undefined>;

/** `FLOW_OPENAI_…` from `openai`; ids with other characters (`my-vllm`) become `FLOW_MY_VLLM_…`. */
export function providerEnvPrefix(provider: string): string {
  return `FLOW_${provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/**
 * A whole number from an option or an environment variable (the option wins); `fallback` when neither is set.
 * A value that is not a number at least `min` is an error naming the setting, not a silent default.
 */
export function integerSetting(name: string, option: number | undefined, env: Environment, variable: string, fallback: number, min: number): number {
  if (option !== undefined) {
    if (!(Number.isInteger(option) || option === Number.POSITIVE_INFINITY) || option < min) {
      throw new ProviderConfigurationError(name, `\`${name}\` must be a whole number >= ${min}; got ${String(option)}.`);
    }
    return option;
  }
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < min) {
    throw new ProviderConfigurationError(variable, `${variable} must be a whole number >= ${min}; got ${JSON.stringify(raw)}.`);
  }
  return value;
}
