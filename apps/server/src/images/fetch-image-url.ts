import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { maskApiKeysInText } from '../logging/mask.js';
import type { AddressPolicy } from './address-policy.js';
import type { RequestFetchBudget } from './fetch-budget.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface ImageUrlLoaderOptions {
  policy: AddressPolicy;
  /** Plain `http:` URLs are refused unless this is set (tests, trusted internal stores). */
  allowHttp: boolean;
  /** Deadline for the whole fetch, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Name resolution; defaults to the system resolver (`dns.lookup`, every address). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

/** An image URL that cannot be used; the message says why, with API keys in the URL masked. */
export class ImageUrlError extends Error {
  constructor(url: string, reason: string) {
    super(`Could not load the image at ${maskApiKeysInText(url)}: ${reason}`);
    this.name = 'ImageUrlError';
  }
}

/** Loads one URL image; `budget` counts its bytes against the request's and the process's allowance. */
export type ImageUrlLoader = (url: string, signal?: AbortSignal, budget?: RequestFetchBudget) => Promise<Uint8Array>;

const defaultResolve = (hostname: string): Promise<ResolvedAddress[]> => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Builds the loader the engine uses for URL image inputs. Each hop (the first URL and every redirect) is
 * checked for scheme and for every address its host resolves to; the connection then goes to the address
 * that was checked, so a DNS answer cannot change between the check and the connect.
 */
export function createImageUrlLoader(options: ImageUrlLoaderOptions): ImageUrlLoader {
  const resolve = options.resolve ?? defaultResolve;
  return async (url, signal, budget) => {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let current = parseUrl(url);
    for (let hop = 0; ; hop++) {
      checkScheme(current, url, options.allowHttp);
      const address = await pickAddress(current, url, options.policy, resolve);
      let response: HopResult;
      try {
        response = await fetchHop(current, address, combined, options.maxBytes, budget);
      } catch (error) {
        if (deadline.aborted) throw new ImageUrlError(url, `no complete answer within ${options.timeoutMs} ms`);
        if (signal?.aborted) throw signal.reason ?? error;
        if (error instanceof ImageUrlError) throw error;
        // Not the system's message: "connect ECONNREFUSED 10.0.0.5:8080" would map internal hosts and ports.
        throw new ImageUrlError(url, 'the server could not be reached or the connection failed');
      }
      if (response.kind === 'body') return response.body;
      if (response.kind === 'error') throw new ImageUrlError(url, response.reason);
      if (hop >= options.maxRedirects) throw new ImageUrlError(url, `more than ${options.maxRedirects} redirects`);
      try {
        current = new URL(response.location, current);
      } catch {
        throw new ImageUrlError(url, 'a redirect points to an invalid URL');
      }
    }
  };
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new ImageUrlError(url, 'it is not a valid URL');
  }
}

function checkScheme(url: URL, original: string, allowHttp: boolean): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:') {
    if (allowHttp) return;
    throw new ImageUrlError(original, `only https URLs are allowed${url.href === original ? '' : ` (a redirect led to ${maskApiKeysInText(url.href)})`}; set FLOW_ALLOW_HTTP_URLS=true to allow http`);
  }
  throw new ImageUrlError(original, `the scheme "${url.protocol}" is not allowed`);
}

async function pickAddress(url: URL, original: string, policy: AddressPolicy, resolve: (hostname: string) => Promise<ResolvedAddress[]>): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (isIP(hostname) !== 0) addresses = [{ address: hostname, family: isIP(hostname) }];
  else {
    try {
      addresses = await resolve(hostname);
    } catch {
      throw new ImageUrlError(original, `the host "${hostname}" could not be resolved`);
    }
    if (addresses.length === 0) throw new ImageUrlError(original, `the host "${hostname}" has no address`);
  }
  // Every address must pass: a name that also resolves to an internal address is refused outright. The
  // message names neither the address nor the range, so it cannot be used to map a network by DNS.
  for (const { address } of addresses) {
    if (policy.refusalReason(address)) {
      throw new ImageUrlError(original, `the host "${hostname}" is not allowed: it points to a loopback, private or reserved address (FLOW_ALLOW_PRIVATE_URLS)`);
    }
  }
  return addresses[0]!;
}

type HopResult = { kind: 'body'; body: Uint8Array } | { kind: 'redirect'; location: string } | { kind: 'error'; reason: string };

function fetchHop(url: URL, address: ResolvedAddress, signal: AbortSignal, maxBytes: number, budget: RequestFetchBudget | undefined): Promise<HopResult> {
  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HopResult>((resolvePromise, reject) => {
    const request = send(url, {
      method: 'GET',
      lookup: pinnedLookup,
      signal,
      agent: false,
      headers: { accept: 'image/*,*/*;q=0.5', 'user-agent': 'flow-server (image fetch)' },
    });
    request.on('error', reject);
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        response.resume();
        const location = response.headers.location;
        if (!location) resolvePromise({ kind: 'error', reason: `HTTP ${status} without a Location header` });
        else resolvePromise({ kind: 'redirect', location });
        return;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        resolvePromise({ kind: 'error', reason: `the server answered HTTP ${status}` });
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        response.destroy();
        resolvePromise({ kind: 'error', reason: `the image is ${declared} bytes, over the limit of ${maxBytes}` });
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) {
          response.destroy();
          resolvePromise({ kind: 'error', reason: `the image is over the limit of ${maxBytes} bytes` });
          return;
        }
        const overBudget = budget?.take(chunk.length);
        if (overBudget) {
          response.destroy();
          resolvePromise({ kind: 'error', reason: overBudget });
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolvePromise({ kind: 'body', body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.end();
  });
}
