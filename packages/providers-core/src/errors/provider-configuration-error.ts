/** Shared with `FlowError` in `@flow/kinds`, so `FlowError.isInstance` recognises this error without a dependency. */
const flowErrorMarker = Symbol.for('flow.error');
const markerOfThisError = Symbol.for('flow.error.ProviderConfigurationError');

/** A registry option or environment variable has a value that cannot be used; `setting` names which one. */
export class ProviderConfigurationError extends Error {
  readonly [flowErrorMarker] = true;
  readonly [markerOfThisError] = true;
  readonly code = 'PROVIDER_CONFIGURATION_INVALID';
  readonly setting: string;
  readonly details: Record<string, unknown>;

  constructor(setting: string, message: string) {
    super(message);
    this.name = 'ProviderConfigurationError';
    this.setting = setting;
    this.details = { setting };
  }

  static isInstance(error: unknown): error is ProviderConfigurationError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[markerOfThisError] === true;
  }

  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}
