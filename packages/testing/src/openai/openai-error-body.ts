/** OpenAI's error envelope: `{"error": {message, type, param, code}}`. */
export function openAIErrorBody(status: number, message: string, type?: string): unknown {
  const defaults = status === 429 ? ['requests', 'rate_limit_exceeded'] : status === 401 ? ['invalid_request_error', 'invalid_api_key'] : status >= 500 ? ['server_error', null] : ['invalid_request_error', null];
  return { error: { message, type: type ?? defaults[0], param: null, code: defaults[1] } };
}
