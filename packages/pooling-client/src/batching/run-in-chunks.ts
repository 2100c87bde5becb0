import { setMaxListeners } from 'node:events';
import { PoolingApiError } from '../errors/pooling-api-error.js';
import { type Chunk, chunk } from './prompt-list.js';

export interface RunInChunksOptions<Item, Response> {
  items: readonly Item[];
  maxBatchSize: number;
  signal: AbortSignal | undefined;
  /** Sends one chunk; concurrency is bounded by the client's limiter inside. */
  send(chunk: Chunk<Item>, signal: AbortSignal): Promise<Response>;
  merge(parts: Response[], starts: number[]): Response;
}

/**
 * Sends a long list as chunks and reassembles the answers in input order. The first failure aborts the other
 * chunks (vLLM cancels work for disconnected requests) and is rethrown naming the inputs it carried; the call
 * settles only after every chunk has, so nothing keeps running behind a rejected promise.
 */
export async function runInChunks<Item, Response>(options: RunInChunksOptions<Item, Response>): Promise<Response> {
  const chunks = chunk(options.items, options.maxBatchSize);
  const controller = new AbortController();
  // Every queued chunk listens on this signal; hundreds of listeners are expected here, not a leak.
  setMaxListeners(0, controller.signal);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let firstError: { error: unknown } | undefined;
  try {
    const settled = await Promise.allSettled(
      chunks.map(async (part) => {
        try {
          return await options.send(part, controller.signal);
        } catch (error) {
          if (!firstError && !controller.signal.aborted) {
            const range = { start: part.start, end: part.start + part.items.length };
            firstError = { error: PoolingApiError.isInstance(error) ? error.withInputRange(range, options.items.length) : error };
            controller.abort(new DOMException('another chunk of this call failed', 'AbortError'));
          }
          throw error;
        }
      }),
    );
    if (options.signal?.aborted) throw options.signal.reason;
    if (firstError) throw firstError.error;
    const parts = settled.map((result) => (result as PromiseFulfilledResult<Response>).value);
    return options.merge(
      parts,
      chunks.map((part) => part.start),
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
