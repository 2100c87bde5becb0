/** A counting semaphore: at most `limit` holders at once, served in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/**
 * Runs `task(index)` for every index below `count` with at most `limit` in flight, stopping early when
 * `signal` aborts. Tasks that finish synchronously cost no extra microtask turns.
 */
export async function forEachIndex(count: number, limit: number, signal: { readonly aborted: boolean }, task: (index: number) => void | Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      if (signal.aborted) return;
      const index = next++;
      const result = task(index);
      if (result !== undefined) await result;
    }
  };
  const workers: Promise<void>[] = [];
  for (let index = 0; index < Math.min(limit, count); index++) workers.push(worker());
  await Promise.all(workers);
}

export function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
