import { randomBytes } from 'node:crypto';
import type { FakeVllmContext, RouteResult } from '../fake-vllm-context.js';

/** `GET /v1/models`: the served model, then one card per adapter with `parent` set and no `max_model_len`. */
export function models(context: FakeVllmContext): RouteResult {
  const created = Math.floor(context.startedAt / 1000);
  const card = (id: string, parent: string | null, maxModelLength: number | null) => ({
    id,
    object: 'model',
    created,
    owned_by: 'vllm',
    root: id,
    parent,
    max_model_len: maxModelLength,
    permission: [
      {
        id: `modelperm-${randomBytes(8).toString('hex')}`,
        object: 'model_permission',
        created,
        allow_create_engine: false,
        allow_sampling: true,
        allow_logprobs: true,
        allow_search_indices: false,
        allow_view: true,
        allow_fine_tuning: false,
        organization: '*',
        group: null,
        is_blocking: false,
      },
    ],
  });
  return {
    body: {
      object: 'list',
      data: [card(context.model, null, context.maxModelLength), ...context.loraAdapters.map((name) => card(name, context.model, null))],
    },
  };
}
