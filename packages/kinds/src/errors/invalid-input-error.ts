import { FlowError } from './flow-error.js';

/** A runtime input value (an image, a parameter) cannot be used; `input` names which one. */
export class InvalidInputError extends FlowError {
  readonly input: string;

  constructor({ input, message, cause }: { input: string; message: string; cause?: unknown }) {
    super({ code: 'INVALID_INPUT', message, cause, details: { input } });
    this.name = 'InvalidInputError';
    this.input = input;
  }
}
