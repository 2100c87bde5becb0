import { STATUS_CODES } from 'node:http';

export type VllmErrorShape = 'current' | 'legacy' | 'detail' | 'string' | 'empty';

/**
 * The JSON text vLLM (or what sits in front of it) sends for an error, in each shape a client meets:
 * - `current`: `{"error": {message, type, param, code}}` (since PR #22099, Aug 2025)
 * - `legacy`: `{"object": "error", message, type, param, code}` (<= v0.10.0)
 * - `detail`: FastAPI's `{"detail": "Not Found"}` for unmounted routes
 * - `string`: middleware answers such as `{"error": "Unauthorized"}`
 * - `empty`: no body at all, as `/health` answers 503
 */
export function vllmErrorBody(
  shape: VllmErrorShape,
  status: number,
  message: string = STATUS_CODES[status] ?? 'Error',
  type: string = defaultErrorType(status),
  param: string | null = null,
): string {
  switch (shape) {
    case 'current':
      return JSON.stringify({ error: { message, type, param, code: status } });
    case 'legacy':
      return JSON.stringify({ object: 'error', message, type, param, code: status });
    case 'detail':
      return JSON.stringify({ detail: message });
    case 'string':
      return JSON.stringify({ error: message });
    case 'empty':
      return '';
  }
}

/** The `type` vLLM puts on errors raised while handling a request, by status. */
export function defaultErrorType(status: number): string {
  switch (status) {
    case 400:
      return 'BadRequestError';
    case 404:
      return 'NotFoundError';
    case 501:
      return 'NotImplementedError';
    default:
      return status >= 500 ? 'InternalServerError' : (STATUS_CODES[status] ?? 'Error');
  }
}
