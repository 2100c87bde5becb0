import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { missingContentMessage } from './llama-vision-block.js';

const vectors = JSON.parse(readFileSync(new URL('../__fixtures__/model_blocks_prompts_and_requests.json', import.meta.url), 'utf8')) as {
  llama_vision_v2: { error_messages: Record<string, string> };
};

it('uses the reference v2 words for a reply without content', () => {
  const messages = vectors.llama_vision_v2.error_messages;
  expect(missingContentMessage('stop')).toBe(messages['direct_content_none_finish_stop']);
  // The proxied variant carries the same hint after its own prefix.
  const lengthHint = messages['proxied_content_none_finish_length']!.replace('OpenRouter response missing message.content via Roboflow proxy.', '');
  expect(missingContentMessage('length')).toBe(`OpenRouter response missing message.content.${lengthHint}`);
});
