/** Shared with `FlowError` in `@flow/kinds`, so `FlowError.isInstance` recognises this error without a dependency. */
const flowErrorMarker = Symbol.for('flow.error');
const markerOfThisError = Symbol.for('flow.error.ImagePreparationError');

/** An image could not be read or re-encoded for upload (not an image, truncated, or beyond every limit). */
export class ImagePreparationError extends Error {
  readonly [flowErrorMarker] = true;
  readonly [markerOfThisError] = true;
  readonly code = 'IMAGE_PREPARATION_FAILED';
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown>, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ImagePreparationError';
    this.details = details;
  }

  static isInstance(error: unknown): error is ImagePreparationError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[markerOfThisError] === true;
  }

  toJSON(): { code: string; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}
