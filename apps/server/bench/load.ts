import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function percentile(sortedMs: readonly number[], fraction: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor(fraction * sortedMs.length))]!;
}

export function summarize(latenciesMs: number[], failures: number, seconds: number): LoadResult {
  latenciesMs.sort((left, right) => left - right);
  return { requests: latenciesMs.length, failures, seconds, perSecond: latenciesMs.length / seconds, p50Ms: percentile(latenciesMs, 0.5), p99Ms: percentile(latenciesMs, 0.99) };
}

/** One POST over a keep-alive agent; resolves with the status once the whole body is read. */
function post(agent: Agent, url: URL, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * `clients` loops, each sending the next request when its answer is in, until `seconds` have passed or
 * `maxRequests` were sent (whichever comes first). Latency is measured per request.
 */
export async function runLoad({ url, body, clients, seconds, maxRequests = Number.POSITIVE_INFINITY }: { url: string; body: Buffer; clients: number; seconds: number; maxRequests?: number }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL(url);
  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline && sent < maxRequests) {
      sent++;
      const begin = performance.now();
      const status = await post(agent, target, body).catch(() => 0);
      if (status === 200) latencies.push(performance.now() - begin);
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return summarize(latencies, failures, elapsed);
}

/** The same loop in-process: `clients` concurrent callers of `task` for `seconds`. */
export async function runInProcess({ task, clients, seconds }: { task: () => Promise<unknown>; clients: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      try {
        await task();
        latencies.push(performance.now() - begin);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return summarize(latencies, failures, (performance.now() - started) / 1000);
}
