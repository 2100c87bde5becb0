import type { FakeVllmContext, RouteRequest, RouteResult } from '../fake-vllm-context.js';
import { activate, argmax, logitsFor } from '../fake-model.js';
import { checkModel, promptsOf, usageFor } from '../prompts.js';
import { VllmHttpError } from '../vllm-http-error.js';
import { responseId, unixSeconds } from './response-id.js';

/** `POST /classify`, both body styles. Mounted for models that support classify; 501 unless it is the active task. */
export function classify({ body, requestId }: RouteRequest, context: FakeVllmContext): RouteResult {
  if (context.task !== 'classify') {
    throw new VllmHttpError(501, 'The model does not support Classification API', { type: 'NotImplementedError' });
  }
  checkModel(body, context);
  const prompts = promptsOf(body, context);
  const useActivation = body['use_activation'] !== false;
  return {
    body: {
      id: responseId('classify', requestId),
      object: 'list',
      created: unixSeconds(),
      model: context.model,
      data: prompts.map((prompt, index) => {
        const logits = logitsFor(prompt, context.labels.length);
        const probs = useActivation ? activate(logits) : logits;
        return { index, label: context.labels[argmax(logits)] ?? null, probs, num_classes: probs.length };
      }),
      usage: usageFor(prompts),
    },
  };
}
