import { knownProviderPackages } from './known-providers.js';

/** Shared with `FlowError` in `@flow/kinds`, so `FlowError.isInstance` recognises this error without a dependency. */
const flowErrorMarker = Symbol.for('flow.error');
const markerOfThisError = Symbol.for('flow.error.ProviderNotInstalledError');

/**
 * A workflow asked for a provider the host did not wire. For a first-party vendor (`openai`, `anthropic`, `gemini`,
 * `openrouter`) the message names the package to install and how to wire it (code `PROVIDER_NOT_INSTALLED`); for
 * any other id it lists the providers that are wired (code `PROVIDER_UNKNOWN`).
 */
export class ProviderNotInstalledError extends Error {
  readonly [flowErrorMarker] = true;
  readonly [markerOfThisError] = true;
  readonly code: 'PROVIDER_NOT_INSTALLED' | 'PROVIDER_UNKNOWN';
  readonly provider: string;
  /** The package that serves this provider, when it is a first-party one. */
  readonly packageName: string | undefined;
  readonly installed: readonly string[];
  readonly details: Record<string, unknown>;

  constructor(provider: string, installed: readonly string[]) {
    const known = Object.hasOwn(knownProviderPackages, provider) ? knownProviderPackages[provider] : undefined;
    const wired = installed.length === 0 ? 'none' : installed.map((id) => `\`${id}\``).join(', ');
    const message = known
      ? `Provider \`${provider}\` is not installed in this host. Install it (\`pnpm add ${known.packageName}\`) and wire it: ` +
        `\`createProviderRegistry({ ${provider}: ${known.factory}() })\` with \`import { ${known.factory} } from '${known.packageName}'\`. Wired providers: ${wired}.`
      : `Unknown provider \`${provider}\`. Wired providers: ${wired}; first-party ones are ${Object.keys(knownProviderPackages).join(', ')}.`;
    super(message);
    this.name = 'ProviderNotInstalledError';
    this.code = known ? 'PROVIDER_NOT_INSTALLED' : 'PROVIDER_UNKNOWN';
    this.provider = provider;
    this.packageName = known?.packageName;
    this.installed = [...installed];
    this.details = { provider, ...(known ? { package: known.packageName } : {}), installed: [...installed] };
  }

  static isInstance(error: unknown): error is ProviderNotInstalledError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[markerOfThisError] === true;
  }

  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}
