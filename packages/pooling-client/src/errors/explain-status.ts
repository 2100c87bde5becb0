import type { ParsedErrorBody } from './parse-error-body.js';

/** The pooling task each task-specific route needs, for explaining vLLM's 501 "does not support ... API". */
const routeTasks: Record<string, string> = {
  '/classify': 'classify',
  '/v1/embeddings': 'embed',
};

/**
 * A sentence that says what to do about errors whose server message alone is cryptic, or `undefined`.
 * vLLM's messages are already clear for 400s, so those are left alone.
 */
export function explainStatus(status: number, parsed: ParsedErrorBody, path: string): string | undefined {
  if (status === 501) {
    if (/base64|data url/i.test(parsed.message)) return 'vLLM only accepts base64 data URLs (data:<mime>;base64,<payload>) for inline media.';
    const task = routeTasks[path];
    if (task) {
      return `The served model's active pooling task is not "${task}". Serve a model whose task is ${task} (or start vLLM with --pooler-config.task ${task}), or use pooling() with the model's own task.`;
    }
    return undefined;
  }
  if (status === 404 && parsed.shape === 'detail') {
    return `vLLM does not serve ${path} for this model: the route is mounted only when the model supports its task (/score and /rerank need an embedding model or a single-label classifier), and pooling routes have no /v1 prefix. Check baseURL and the served model.`;
  }
  if (status === 401) return 'The server or a gateway in front of it rejected the credentials; check apiKey (or VLLM_API_KEY).';
  return undefined;
}
