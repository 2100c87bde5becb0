import type { FakeVllmContext, RouteRequest, RouteResult } from '../fake-vllm-context.js';
import { activate, embeddingFor, logitsFor, toBase64Float32 } from '../fake-model.js';
import { checkModel, promptsOf, usageFor } from '../prompts.js';
import { badRequest } from '../vllm-http-error.js';
import { responseId, unixSeconds } from './response-id.js';

const supportedTasks = {
  classify: ['classify', 'token_classify'],
  token_classify: ['classify', 'token_classify'],
  embed: ['embed', 'token_embed'],
} as const;

/** `POST /pooling`: the raw pooler output for the model's task (probabilities without labels for classify). */
export function pooling({ body, requestId }: RouteRequest, context: FakeVllmContext): RouteResult {
  checkModel(body, context);
  const task = (body['task'] as string | null | undefined) ?? context.task;
  if (task === 'plugin') throw badRequest('No IOProcessor plugin installed. Please refer to the documentation and install a plugin.');
  if (task !== context.task) {
    if ((supportedTasks[context.task] as readonly string[]).includes(task)) {
      throw badRequest(`Try switching the model's pooling_task via --pooler-config.task ${task}.`);
    }
    throw badRequest(`Unsupported task: '${task}' Supported tasks: (${supportedTasks[context.task].map((name) => `'${name}'`).join(', ')})`);
  }
  if (body['dimensions'] !== undefined && body['dimensions'] !== null) throw badRequest('dimensions is currently not supported');
  const format = body['encoding_format'] ?? 'float';
  if (format !== 'float' && format !== 'base64') throw badRequest(`The fake vLLM server does not implement encoding_format ${String(format)}.`);
  const prompts = promptsOf(body, context);
  const useActivation = body['use_activation'] !== false;
  return {
    body: {
      id: responseId('pooling', requestId),
      object: 'list',
      created: unixSeconds(),
      model: context.model,
      data: prompts.map((prompt, index) => {
        const output = outputFor(prompt, context, useActivation);
        const data = format === 'base64' ? toBase64Float32(output.flat()) : output;
        return { index, object: 'pooling', data };
      }),
      usage: usageFor(prompts),
    },
  };
}

function outputFor(prompt: number[], context: FakeVllmContext, useActivation: boolean): number[] | number[][] {
  switch (context.task) {
    case 'classify': {
      const logits = logitsFor(prompt, context.labels.length);
      return useActivation ? activate(logits) : logits;
    }
    case 'token_classify':
      return prompt.map((_, position) => activate(logitsFor(prompt.slice(0, position + 1), context.labels.length)));
    case 'embed':
      return embeddingFor(prompt, context.embeddingSize, useActivation);
  }
}
