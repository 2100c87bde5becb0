import { randomBytes } from 'node:crypto';

/** `<prefix>-<X-Request-Id>` when the client sent one, else 16 random hex characters, as current vLLM does. */
export function responseId(prefix: string, requestId: string | undefined): string {
  return `${prefix}-${requestId ?? randomBytes(8).toString('hex')}`;
}

export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
