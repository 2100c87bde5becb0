import { isWorkflowError, toReferenceErrorResponse } from '@flow/engine';
import { ServerBusyError } from '../limits/run-slots.js';
import { maskApiKeysInText, type SecretScrubber } from '../logging/mask.js';
import { HttpError, RequestValidationError } from './http-errors.js';

export interface ErrorResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** True for faults of the server (5xx not caused by the request), which are logged as errors. */
  unexpected: boolean;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/**
 * The status, body and headers a client gets for any error: workflow errors in the reference's shapes
 * (§5.3), request-shape errors as FastAPI's 422, limits as 413/503/504, and anything unexpected as a bare
 * 500 `{"message": "Internal error."}`. No stack trace ever leaves; keys and secrets are masked.
 */
export function toErrorResponse(error: unknown, scrubber?: SecretScrubber): ErrorResponse {
  const scrub = (body: Record<string, unknown>) => (scrubber ? scrubber.scrubDeep(body) : maskDeepKeys(body));
  if (error instanceof RequestValidationError) {
    return { status: 422, body: scrub({ detail: error.detail }), headers: {}, unexpected: false };
  }
  if (error instanceof ServerBusyError) {
    return { status: 503, body: { message: error.message }, headers: { 'retry-after': '1' }, unexpected: false };
  }
  if (error instanceof HttpError) {
    return { status: error.status, body: scrub({ message: error.message }), headers: error.headers, unexpected: false };
  }
  if (isWorkflowError(error)) {
    const { status, body } = toReferenceErrorResponse(error);
    return { status, body: scrub(body), headers: {}, unexpected: status >= 500 && error.errorType !== 'StepExecutionError' };
  }
  const fastifyError = fastifyErrorResponse(error as FastifyLikeError);
  if (fastifyError) return { ...fastifyError, body: scrub(fastifyError.body) };
  return { status: 500, body: { message: 'Internal error.' }, headers: {}, unexpected: true };
}

/** Errors Fastify raises before a handler runs: body parsing, size, media type. */
function fastifyErrorResponse(error: FastifyLikeError): Omit<ErrorResponse, 'unexpected'> & { unexpected: false } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { message: 'The request body is larger than the server accepts (FLOW_BODY_LIMIT_BYTES).' }, headers: {}, unexpected: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { message: 'Unsupported Content-Type: send the body as application/json.' }, headers: {}, unexpected: false };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return jsonInvalid('The body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { message: 'The Content-Length header does not match the body.' }, headers: {}, unexpected: false };
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return jsonInvalid(`The body is not valid JSON: ${error.message}`);
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { message: error.message ?? 'Bad request.' }, headers: {}, unexpected: false };
  }
  return undefined;
}

/** FastAPI answers an unparsable JSON body with 422 `json_invalid`. */
function jsonInvalid(message: string) {
  return { status: 422, body: { detail: [{ type: 'json_invalid', loc: ['body'], msg: message }] }, headers: {}, unexpected: false as const };
}

function maskDeepKeys(body: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(body), (_key, value: unknown) => (typeof value === 'string' ? maskApiKeysInText(value) : value)) as Record<string, unknown>;
}
