import { FlowError } from '@flow/kinds';

/** Default for `max_concurrent_requests` when a step sets none (`FLOW_MAX_CONCURRENT_REQUESTS`, 8). */
export function defaultMaxConcurrentRequests(env: Record<string, string | undefined> = process.env): number {
  const parsed = Number.parseInt(env['FLOW_MAX_CONCURRENT_REQUESTS'] ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 8;
}

/**
 * Runs `task` for every element, at most `limit` at a time, results in input order. The first failure
 * stops new tasks and rejects with an error naming the element (`image 1` is the second), wrapping the cause;
 * when `signal` aborts, it rejects with the signal's reason instead.
 */
export async function mapPerImage<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  task: (item: T, index: number) => Promise<R>,
  describe: (index: number, cause: unknown) => string = (index, cause) => `image ${index}: ${cause instanceof Error ? cause.message : String(cause)}`,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { index: number; cause: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && !signal.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index]!, index);
      } catch (cause) {
        failure ??= { index, cause };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  // An aborted run fails with the caller's reason, not as a model failure: the requests failed because of it.
  signal.throwIfAborted();
  if (failure) {
    const { index, cause } = failure;
    throw new FlowError({ code: 'MODEL_REQUEST_FAILED', message: describe(index, cause), cause, details: { batchIndex: index } });
  }
  return results;
}
