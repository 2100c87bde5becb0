/**
 * Reasoning models (o1, o3, o4-mini, gpt-5 ...) take `max_completion_tokens`, reject `temperature` and
 * `max_tokens`, and read the system prompt as a `developer` message. `gpt-5-chat-*` is a plain chat model.
 */
export function isReasoningModel(modelId: string): boolean {
  const id = modelId.toLowerCase().replace(/^openai\//, '');
  if (id.startsWith('gpt-5') && id.includes('-chat')) return false;
  return /^(o1|o3|o4|gpt-5)(\b|[-.])/.test(id);
}
