import type { VllmErrorShape } from './vllm-error-body.js';

/**
 * Thrown inside the fake's handlers to answer with an error. `shape` is fixed for errors that never use the
 * envelope (FastAPI 404s, auth middleware); otherwise the server's configured envelope is used.
 */
export class VllmHttpError extends Error {
  readonly status: number;
  readonly type: string | undefined;
  readonly param: string | null;
  readonly shape: VllmErrorShape | undefined;

  constructor(status: number, message: string, options: { type?: string; param?: string | null; shape?: VllmErrorShape } = {}) {
    super(message);
    this.status = status;
    this.type = options.type;
    this.param = options.param ?? null;
    this.shape = options.shape;
  }
}

/** Request-schema failures: vLLM reports them with the HTTP reason phrase as `type`. */
export function schemaError(message: string): VllmHttpError {
  return new VllmHttpError(400, message, { type: 'Bad Request' });
}

export function badRequest(message: string, param: string | null = null): VllmHttpError {
  return new VllmHttpError(400, message, { type: 'BadRequestError', param });
}

export function routeNotFound(): VllmHttpError {
  return new VllmHttpError(404, 'Not Found', { shape: 'detail' });
}
