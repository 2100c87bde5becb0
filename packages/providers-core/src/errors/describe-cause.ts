/**
 * The messages and codes down an error's cause chain, joined: `fetch failed` hides the useful part
 * (`other side closed`, `ECONNRESET`) in its causes. Undefined when the chain says nothing.
 */
export function describeCauseChain(cause: unknown): string | undefined {
  const parts: string[] = [];
  let current = cause as { message?: unknown; code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (typeof current.message === 'string' && current.message !== '') parts.push(current.message);
    if (typeof current.code === 'string' && !parts.includes(current.code)) parts.push(current.code);
    current = current.cause as typeof current;
  }
  return parts.length ? parts.join(': ') : undefined;
}
