const flowErrorMarker = Symbol.for('flow.error');

export interface FlowErrorOptions {
  /** Stable UPPER_SNAKE code that callers can switch on. */
  code: string;
  message: string;
  cause?: unknown;
  /** JSON-safe facts about the failure (step, property, input ...). */
  details?: Record<string, unknown>;
}

/**
 * The one base class of every error Flow raises on purpose. `isInstance` works across duplicate
 * installs of the package, where `instanceof` would not.
 */
export class FlowError extends Error {
  readonly [flowErrorMarker] = true;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor({ code, message, cause, details }: FlowErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'FlowError';
    this.code = code;
    this.details = details;
  }

  static isInstance(error: unknown): error is FlowError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[flowErrorMarker] === true;
  }

  toJSON(): { code: string; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
