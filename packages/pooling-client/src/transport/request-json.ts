import { z } from 'zod';
import { PoolingApiError } from '../errors/pooling-api-error.js';
import { redactSecrets } from '../errors/redact-secrets.js';
import type { RequestOptions } from '../request-options.js';
import { type HttpCall, sendRequest } from './send-request.js';
import type { TransportSettings } from './transport-settings.js';

/** Sends a request and returns its JSON body validated against `schema`, typed by it. */
export async function requestJson<Schema extends z.ZodType>(
  settings: TransportSettings,
  call: HttpCall,
  schema: Schema,
  options?: RequestOptions,
): Promise<z.output<Schema>> {
  const answer = await sendRequest(settings, call, options);
  const invalid = (problem: string) =>
    new PoolingApiError({
      message: redactSecrets(`${answer.endpoint} answered ${answer.status} with a body that is not a vLLM response: ${problem}`, settings.secrets),
      status: answer.status,
      type: 'InvalidResponseError',
      // A server (or proxy) that answers garbage once will most likely do it again.
      isRetryable: false,
      requestId: answer.requestId,
      endpoint: answer.endpoint,
      attempts: answer.attempts,
    });
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw invalid(`not JSON (starts with ${JSON.stringify(answer.text.slice(0, 80))})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) throw invalid(z.prettifyError(result.error).slice(0, 500));
  return result.data;
}
